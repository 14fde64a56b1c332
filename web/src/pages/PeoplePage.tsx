import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AccountFilter,
  type AccountView,
  accountKeys,
  accountsQuery,
  resendInvitation,
  updateAccount,
} from "../api/accounts.ts";
import { blocsQuery } from "../api/blocs.ts";
import { unitsQuery } from "../api/units.ts";
import { AccountForm, provinceRoles } from "../components/accounts/AccountForm.tsx";
import { type InvitationOutcome, InvitationSent } from "../components/accounts/InvitationSent.tsx";
import { PeopleTable } from "../components/accounts/PeopleTable.tsx";
import { usePeopleActions } from "../components/accounts/usePeopleActions.ts";
import { Field } from "../components/Field.tsx";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { allOf, QueryState } from "../components/QueryState.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { useDebounced } from "../hooks/useDebounced.ts";
import { useActor } from "../session/session.tsx";

/** The board's people page: find, invite, edit, deactivate and reactivate the province's accounts. */
export function PeoplePage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [filter, setFilter] = useState<AccountFilter>({});
  // The server is asked when typing pauses; meanwhile the list shows the last answer.
  const settledQuery = useDebounced(filter.q ?? "");
  const people = useInfiniteQuery(accountsQuery({ ...filter, q: settledQuery }));
  const units = useQuery(unitsQuery());
  const blocs = useQuery(blocsQuery());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [invited, setInvited] = useState<InvitationOutcome | null>(null);

  const rows = people.data?.pages.flatMap((page) => page.items) ?? [];
  const total = people.data?.pages[0]?.total;
  const editing = rows.find((person) => person.userId === editingId);
  const unitName = new Map(units.data?.map((unit) => [unit.unitId, unit.name]));
  const blocName = new Map(blocs.data?.map((bloc) => [bloc.blocId, bloc.name]));

  const actions = usePeopleActions<AccountView>({
    queryKey: accountKeys.all,
    setStatus: (person, status) => updateAccount(person.userId, { status, version: person.version }),
    resend: (person) => resendInvitation(person.userId),
    onNotice: setNotice,
    onInvited: setInvited,
  });

  const change = (next: Partial<AccountFilter>) => setFilter((current) => ({ ...current, ...next }));
  const filtered = Object.values(filter).some(Boolean);

  return (
    <section className="page">
      <h1>{t("people.title")}</h1>
      <p className="lead">{t("people.intro")}</p>
      <div className="split">
        <div className="card">
          <div className="toolbar">
            <Field
              id="people-search"
              type="search"
              label={t("people.search")}
              placeholder={t("people.searchPlaceholder")}
              value={filter.q ?? ""}
              onChange={(e) => change({ q: e.target.value })}
            />
            <SelectField
              id="people-role"
              label={t("people.filterRole")}
              value={filter.role ?? ""}
              options={[
                { value: "", label: t("people.all") },
                ...provinceRoles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
              ]}
              onChange={(e) => change({ role: e.target.value })}
            />
            <SelectField
              id="people-unit"
              label={t("people.filterUnit")}
              value={filter.unitId ?? ""}
              options={[
                { value: "", label: t("people.all") },
                ...(units.data ?? []).map((unit) => ({ value: unit.unitId, label: unit.name })),
              ]}
              onChange={(e) => change({ unitId: e.target.value })}
            />
            <SelectField
              id="people-status"
              label={t("people.filterStatus")}
              value={filter.status ?? ""}
              options={[
                { value: "", label: t("people.all") },
                { value: "active", label: t("people.statuses.active") },
                { value: "deactivated", label: t("people.statuses.deactivated") },
              ]}
              onChange={(e) => change({ status: e.target.value })}
            />
          </div>
          {total !== undefined && (
            <p className="count" aria-live="polite">
              {t("people.count", { count: total })}
            </p>
          )}
          <QueryState
            query={people}
            loading={t("people.loading")}
            empty={() => rows.length === 0 && (filtered ? t("people.noMatch") : t("people.empty"))}
          >
            {() => (
              <>
                <PeopleTable
                  caption={t("people.listLabel")}
                  people={rows}
                  selfId={actor.userId}
                  selectedId={editingId ?? undefined}
                  busyId={actions.busyId}
                  extra={[
                    {
                      key: "unit",
                      header: `${t("people.unit")} / ${t("people.blocs")}`,
                      cell: (p) =>
                        p.unitId
                          ? (unitName.get(p.unitId) ?? p.unitId)
                          : p.blocIds.map((id) => blocName.get(id) ?? id).join(", "),
                    },
                  ]}
                  onEdit={(person) => {
                    setEditingId(person.userId);
                    setNotice(null);
                  }}
                  onToggle={actions.onToggle}
                  onResend={actions.onResend}
                />
                {people.hasNextPage && (
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={people.isFetchingNextPage}
                    aria-busy={people.isFetchingNextPage}
                    onClick={() => void people.fetchNextPage()}
                  >
                    {people.isFetchingNextPage ? t("people.loadingMore") : t("people.more")}
                  </button>
                )}
              </>
            )}
          </QueryState>
        </div>
        <div className="card side-card">
          <h2>{editing ? t("people.editTitle", { name: editing.name }) : t("people.inviteTitle")}</h2>
          {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
          {invited && <InvitationSent outcome={invited} onDismiss={() => setInvited(null)} />}
          <QueryState query={allOf({ units, blocs })} loading={t("app.loading")}>
            {(data) =>
              editing ? (
                <AccountForm
                  key={editing.userId}
                  account={editing}
                  units={data.units}
                  blocs={data.blocs}
                  onSaved={(saved) => setNotice({ kind: "success", key: "people.saved", values: { name: saved.name } })}
                  onCancel={() => setEditingId(null)}
                />
              ) : (
                <AccountForm
                  units={data.units}
                  blocs={data.blocs}
                  onInvited={(outcome) => {
                    setNotice(null);
                    setInvited(outcome);
                  }}
                />
              )
            }
          </QueryState>
        </div>
      </div>
    </section>
  );
}
