import { useQuery } from "@tanstack/react-query";
import { compareVietnamese, matchesSearch } from "@thidua/core/text";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { tenantsQuery } from "../api/tenants.ts";
import { type InvitationOutcome, InvitationSent, outcomeOf } from "../components/accounts/InvitationSent.tsx";
import { CreateTenantForm } from "../components/CreateTenantForm.tsx";
import { Field } from "../components/Field.tsx";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { TenantRow } from "../components/TenantRow.tsx";
import { ImportTenantForm } from "../components/tenants/ImportTenantForm.tsx";
import { useActor } from "../session/session.tsx";

/** The province registry: everyone allowed here reads it, the operator also onboards and suspends. */
export function TenantsPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const tenants = useQuery(tenantsQuery());
  const [query, setQuery] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [invited, setInvited] = useState<InvitationOutcome | null>(null);
  const isOperator = actor.role === "operator";

  const visible = useMemo(
    () =>
      (tenants.data ?? [])
        .filter(
          (tenant) =>
            (showArchived || tenant.status === "active" || tenant.status === "suspended") &&
            matchesSearch(`${tenant.name} ${tenant.tenantId}`, query),
        )
        .sort((a, b) => compareVietnamese(a.name, b.name)),
    [tenants.data, query, showArchived],
  );

  const body = (
    <QueryState
      query={tenants}
      loading={t("tenants.loading")}
      empty={(all) =>
        all.length === 0 ? t("tenants.empty") : visible.length === 0 && t("tenants.noMatch", { query: query.trim() })
      }
    >
      {() => (
        <ul className="tenant-list" aria-label={t("tenants.listLabel")}>
          {visible.map((tenant) => (
            <TenantRow
              key={tenant.tenantId}
              tenant={tenant}
              canManage={isOperator}
              onNotice={setNotice}
              onInvited={(outcome) => {
                setNotice(null);
                setInvited(outcome);
              }}
            />
          ))}
        </ul>
      )}
    </QueryState>
  );

  return (
    <section className="page">
      <h1>{t("tenants.title")}</h1>
      <p className="lead">{t("tenants.intro")}</p>
      <div className={isOperator ? "split" : undefined}>
        <div className="card">
          <div className="toolbar">
            <Field
              id="tenant-search"
              type="search"
              label={t("tenants.search")}
              placeholder={t("tenants.searchPlaceholder")}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <label className="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              {t("tenants.showArchived")}
            </label>
            {tenants.data && (
              <p className="count" aria-live="polite">
                {t("tenants.count", { count: visible.length })}
              </p>
            )}
          </div>
          {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
          {invited && <InvitationSent outcome={invited} onDismiss={() => setInvited(null)} />}
          {body}
        </div>
        {isOperator && (
          <div className="stack">
            <CreateTenantForm
              onCreated={({ tenant, board, invitation }) => {
                setNotice({ kind: "success", key: "createTenant.created", values: { name: tenant.name } });
                setInvited(outcomeOf({ account: board, invitation }));
              }}
            />
            <ImportTenantForm />
          </div>
        )}
      </div>
    </section>
  );
}
