import { useQuery } from "@tanstack/react-query";
import { compareVietnamese, matchesSearch } from "@thidua/core/text";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { tenantsQuery } from "../api/tenants.ts";
import { CreateTenantForm } from "../components/CreateTenantForm.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { Loading } from "../components/Loading.tsx";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { TenantRow } from "../components/TenantRow.tsx";
import { useErrorMessage } from "../i18n/errors.ts";
import { useActor } from "../session/session.tsx";

/** The province registry: everyone allowed here reads it, the operator also onboards and suspends. */
export function TenantsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const actor = useActor();
  const tenants = useQuery(tenantsQuery());
  const [query, setQuery] = useState("");
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const isOperator = actor.role === "operator";

  const visible = useMemo(
    () =>
      (tenants.data ?? [])
        .filter((tenant) => matchesSearch(`${tenant.name} ${tenant.tenantId}`, query))
        .sort((a, b) => compareVietnamese(a.name, b.name)),
    [tenants.data, query],
  );

  let body: ReactNode;
  if (tenants.isPending) body = <Loading label={t("tenants.loading")} />;
  else if (tenants.isError)
    body = <ErrorAlert message={describe(tenants.error)} onRetry={() => void tenants.refetch()} />;
  else if (tenants.data.length === 0) body = <p className="empty">{t("tenants.empty")}</p>;
  else if (visible.length === 0) body = <p className="empty">{t("tenants.noMatch", { query: query.trim() })}</p>;
  else {
    body = (
      <ul className="tenant-list" aria-label={t("tenants.listLabel")}>
        {visible.map((tenant) => (
          <TenantRow key={tenant.tenantId} tenant={tenant} canManage={isOperator} onNotice={setNotice} />
        ))}
      </ul>
    );
  }

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
            {tenants.data && (
              <p className="count" aria-live="polite">
                {t("tenants.count", { count: visible.length })}
              </p>
            )}
          </div>
          {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
          {body}
        </div>
        {isOperator && (
          <CreateTenantForm
            onCreated={(tenant) =>
              setNotice({ kind: "success", key: "createTenant.created", values: { name: tenant.name } })
            }
          />
        )}
      </div>
    </section>
  );
}
