import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { compareVietnamese } from "@thidua/core/text";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { accountsQuery } from "../api/accounts.ts";
import { type AuditFilter, type AuditSource, auditEntities, auditQuery, platformAuditEntities } from "../api/audit.ts";
import { awardTypesQuery } from "../api/awardTypes.ts";
import { blocsQuery } from "../api/blocs.ts";
import { unitsQuery } from "../api/units.ts";
import { AuditEntry } from "../components/audit/AuditEntry.tsx";
import type { Names } from "../components/audit/readable.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { Loading } from "../components/Loading.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { OwnExportPanel } from "../components/tenants/OwnExportPanel.tsx";
import { parseDayMonthYear } from "../i18n/dates.ts";
import { useErrorMessage } from "../i18n/errors.ts";

/** The filters as typed: dates day first (29/11/2026), turned into the API's ISO dates on apply. */
interface Draft {
  entity?: string;
  actorId?: string;
  from: string;
  to: string;
}

/** Names for the ids the province's records hold (the operators' trail names provinces by themselves). */
function useNames(source: AuditSource): Names {
  const enabled = source === "province";
  const units = useQuery({ ...unitsQuery(), enabled });
  const blocs = useQuery({ ...blocsQuery(), enabled });
  const types = useQuery({ ...awardTypesQuery(), enabled });
  return useMemo(() => {
    const index = <T,>(items: T[] | undefined, id: (item: T) => string, name: (item: T) => string) => {
      const map = new Map((items ?? []).map((item) => [id(item), name(item)]));
      return (key: string) => map.get(key);
    };
    return {
      unit: index(
        units.data,
        (u) => u.unitId,
        (u) => u.name,
      ),
      bloc: index(
        blocs.data,
        (b) => b.blocId,
        (b) => b.name,
      ),
      awardType: index(
        types.data,
        (a) => a.awardTypeId,
        (a) => a.name,
      ),
    };
  }, [units.data, blocs.data, types.data]);
}

/**
 * Nhật ký thay đổi: every change in the province, newest first, filtered by what changed and when (the
 * operators' actions on it among them); or, for the operator, the platform's own trail.
 */
export function AuditPage({ source = "province" }: { source?: AuditSource }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [draft, setDraft] = useState<Draft>({ from: "", to: "" });
  const [filter, setFilter] = useState<AuditFilter>({});
  const [dateErrors, setDateErrors] = useState<{ from?: string; to?: string }>({});
  const audit = useInfiniteQuery(auditQuery(source, filter));
  const names = useNames(source);
  const people = useInfiniteQuery({ ...accountsQuery({}), enabled: source === "province" });
  const entities = source === "platform" ? platformAuditEntities : [...auditEntities, "tenant" as const];
  const records = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const from = draft.from.trim() ? parseDayMonthYear(draft.from) : undefined;
    const to = draft.to.trim() ? parseDayMonthYear(draft.to) : undefined;
    const errors = {
      from: draft.from.trim() && !from ? t("audit.dateRule") : undefined,
      to: draft.to.trim() && !to ? t("audit.dateRule") : from && to && from > to ? t("audit.rangeRule") : undefined,
    };
    setDateErrors(errors);
    if (!errors.from && !errors.to) setFilter({ entity: draft.entity, actorId: draft.actorId, from, to });
  };

  let body: ReactNode;
  if (audit.isPending) body = <Loading label={t("audit.loading")} />;
  // A failed next page keeps the pages already read (and the error): only a failed first page replaces the list.
  else if (audit.isError && !audit.isFetchNextPageError)
    body = <ErrorAlert message={describe(audit.error)} onRetry={() => void audit.refetch()} />;
  else
    body = (
      <>
        {records.length > 0 ? (
          <ol className="audit-list" aria-label={t("audit.listLabel")}>
            {records.map((record) => (
              <AuditEntry key={record.auditId} record={record} names={names} />
            ))}
          </ol>
        ) : (
          // A filtered page may come back empty while older changes remain to be searched.
          <p className="empty">{audit.hasNextPage ? t("audit.noneYet") : t("audit.none")}</p>
        )}
        {audit.isFetchNextPageError && (
          <ErrorAlert message={describe(audit.error)} onRetry={() => void audit.fetchNextPage()} />
        )}
        {audit.hasNextPage && (
          <button
            type="button"
            className="button-secondary load-more"
            disabled={audit.isFetchingNextPage}
            aria-busy={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {audit.isFetchingNextPage ? t("app.loading") : t("audit.more")}
          </button>
        )}
      </>
    );

  return (
    <section className="page">
      <h1>{source === "platform" ? t("audit.platformTitle") : t("audit.title")}</h1>
      <p className="lead">{source === "platform" ? t("audit.platformIntro") : t("audit.intro")}</p>
      <div className="card">
        <form className="toolbar audit-filters" onSubmit={apply} noValidate aria-label={t("audit.filters")}>
          <SelectField
            id="audit-entity"
            label={t("audit.entity")}
            value={draft.entity ?? ""}
            options={[
              { value: "", label: t("audit.allEntities") },
              ...entities.map((entity) => ({ value: entity, label: t(`audit.entities.${entity}`) })),
            ]}
            onChange={(e) => setDraft((d) => ({ ...d, entity: e.target.value || undefined }))}
          />
          {source === "province" && (
            <SelectField
              id="audit-person"
              label={t("audit.person")}
              value={draft.actorId ?? ""}
              options={[
                { value: "", label: t("audit.allPeople") },
                ...(people.data?.pages.flatMap((page) => page.items) ?? [])
                  .sort((a, b) => compareVietnamese(a.name, b.name))
                  .map((person) => ({ value: person.userId, label: `${person.name} (${person.email})` })),
              ]}
              onChange={(e) => setDraft((d) => ({ ...d, actorId: e.target.value || undefined }))}
            />
          )}
          <Field
            id="audit-from"
            label={t("audit.from")}
            inputMode="numeric"
            placeholder={t("audit.datePlaceholder")}
            value={draft.from}
            error={dateErrors.from}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
          />
          <Field
            id="audit-to"
            label={t("audit.to")}
            inputMode="numeric"
            placeholder={t("audit.datePlaceholder")}
            value={draft.to}
            error={dateErrors.to}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          />
          <div className="button-row">
            <button type="submit" className="button-primary">
              {t("audit.apply")}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setDraft({ from: "", to: "" });
                setFilter({});
                setDateErrors({});
              }}
            >
              {t("audit.clear")}
            </button>
          </div>
        </form>
        {body}
      </div>
      {source === "province" && <OwnExportPanel />}
    </section>
  );
}
