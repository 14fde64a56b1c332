import { useInfiniteQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditFilter, type AuditSource, auditEntities, auditQuery, platformAuditEntities } from "../api/audit.ts";
import { AuditEntry } from "../components/audit/AuditEntry.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { Loading } from "../components/Loading.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { useErrorMessage } from "../i18n/errors.ts";

/**
 * Nhật ký thay đổi: every change in the province, newest first, filtered by what changed and when (the
 * operators' actions on it among them); or, for the operator, the platform's own trail.
 */
export function AuditPage({ source = "province" }: { source?: AuditSource }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [rangeError, setRangeError] = useState(false);
  const audit = useInfiniteQuery(auditQuery(source, filter));
  const entities = source === "platform" ? platformAuditEntities : [...auditEntities, "tenant" as const];
  const records = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const backwards = Boolean(draft.from && draft.to && draft.from > draft.to);
    setRangeError(backwards);
    if (!backwards) setFilter(draft);
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
              <AuditEntry key={record.auditId} record={record} />
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
          <Field
            id="audit-from"
            type="date"
            label={t("audit.from")}
            value={draft.from ?? ""}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value || undefined }))}
          />
          <Field
            id="audit-to"
            type="date"
            label={t("audit.to")}
            value={draft.to ?? ""}
            error={rangeError ? t("audit.rangeRule") : undefined}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value || undefined }))}
          />
          <div className="button-row">
            <button type="submit" className="button-primary">
              {t("audit.apply")}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setDraft({});
                setFilter({});
                setRangeError(false);
              }}
            >
              {t("audit.clear")}
            </button>
          </div>
        </form>
        {body}
      </div>
    </section>
  );
}
