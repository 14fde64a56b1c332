import { useTranslation } from "react-i18next";
import type { AuditRecord } from "../../api/audit.ts";
import { dateTimeFormat } from "../../i18n/dates.ts";
import { fieldChanges, shortValue } from "./diff.ts";

/** One change: when, who, what, and the fields that changed (before → after). */
export function AuditEntry({ record }: { record: AuditRecord }) {
  const { t, i18n } = useTranslation();
  const changes = fieldChanges(record.before, record.after);
  const known = (key: string) => i18n.exists(key);
  const entity = known(`audit.entities.${record.entity}`)
    ? t(`audit.entities.${record.entity}` as "audit.entities.unit")
    : record.entity;
  const role = known(`roles.${record.actorRole}`) ? t(`roles.${record.actorRole}` as "roles.board") : record.actorRole;
  const value = (v: unknown) => {
    if (v === undefined || v === null || v === "") return <span className="muted">{t("audit.emptyValue")}</span>;
    if (typeof v === "boolean") return t(v ? "criteria.yes" : "criteria.no");
    const { text, full } = shortValue(v);
    return <span title={full}>{text}</span>;
  };

  return (
    <li className="audit-entry">
      <div className="audit-head">
        <time dateTime={record.at}>{dateTimeFormat(i18n.language).format(new Date(record.at))}</time>
        <span className={`badge badge-action-${record.action}`}>{t(`audit.actions.${record.action}`)}</span>
        <span>
          <strong>{entity}</strong> <code>{record.entityId}</code>
        </span>
        <span className="muted">
          {record.actorName} · {role}
        </span>
      </div>
      {changes.length > 0 ? (
        <dl className="audit-diff">
          {changes.map((change) => (
            <div key={change.path} className="audit-change">
              <dt>
                <code>{change.path}</code>
              </dt>
              <dd>
                {record.action !== "create" && (
                  <>
                    <del>{value(change.before)}</del>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden"> {t("audit.becomes")} </span>
                  </>
                )}
                <ins>{value(change.after)}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="hint">{t("audit.noFieldChanges")}</p>
      )}
    </li>
  );
}
