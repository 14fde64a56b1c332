import { useTranslation } from "react-i18next";
import type { AuditRecord } from "../../api/audit.ts";
import { dateTimeFormat } from "../../i18n/dates.ts";
import { type Names, readRecord } from "./readable.ts";
import type { Translate } from "./types.ts";

/**
 * One change: when, who, what (by name), and each changed field by its label, before → after; the record
 * as stored only behind "Chi tiết kỹ thuật".
 */
export function AuditEntry({ record, names }: { record: AuditRecord; names: Names }) {
  const { t, i18n } = useTranslation();
  // The readable view builds keys from the record (`units.kind.${kind}`): typed keys cannot follow them.
  const translate: Translate = (key, values) => String(t(key as "audit.title", values as never));
  const { subject, changes } = readRecord(record, names, translate, i18n.language);
  const entity = i18n.exists(`audit.entities.${record.entity}`)
    ? t(`audit.entities.${record.entity}` as "audit.entities.unit")
    : record.entity;
  const role = i18n.exists(`roles.${record.actorRole}`)
    ? t(`roles.${record.actorRole}` as "roles.board")
    : record.actorRole;
  const value = (v: string | undefined) =>
    v === undefined ? <span className="muted">{t("audit.emptyValue")}</span> : v;

  return (
    <li className="audit-entry">
      <div className="audit-head">
        <time dateTime={record.at}>{dateTimeFormat(i18n.language).format(new Date(record.at))}</time>
        <span className={`badge badge-action-${record.action}`}>{t(`audit.actions.${record.action}`)}</span>
        <span>
          <span className="muted">{entity}:</span> <strong>{subject}</strong>
        </span>
        <span className="muted">
          {record.actorName} · {role}
        </span>
      </div>
      {changes.length > 0 ? (
        <dl className="audit-diff">
          {changes.map((change, i) => (
            // Labels may repeat (two deleted award types): the position tells lines apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole from one record
            <div key={i} className="audit-change">
              <dt>{change.label}</dt>
              <dd>
                {change.before !== undefined && record.action !== "create" && <del>{change.before}</del>}
                {change.before !== undefined && change.after !== undefined && record.action !== "create" && (
                  <>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden"> {t("audit.becomes")} </span>
                  </>
                )}
                {(change.after !== undefined || record.action === "create") && <ins>{value(change.after)}</ins>}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="hint">{t("audit.noFieldChanges")}</p>
      )}
      <details className="audit-technical">
        <summary>{t("audit.technical")}</summary>
        <p className="hint">{t("audit.technicalHint")}</p>
        <pre>
          {JSON.stringify(
            { entity: record.entity, entityId: record.entityId, before: record.before, after: record.after },
            null,
            2,
          )}
        </pre>
      </details>
    </li>
  );
}
