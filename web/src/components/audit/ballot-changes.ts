import type { AuditRecord } from "../../api/audit.ts";
import type { ReadableChange, Translate } from "./types.ts";

/* A vote as the trail records it: opened with its candidates, who was present, who voted (never what), the result. */

type Fields = Record<string, unknown>;
const asObject = (value: unknown): Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : {};

export function ballotChanges(
  record: Pick<AuditRecord, "before" | "after">,
  t: Translate,
  units: (ids: unknown) => string | undefined,
): ReadableChange[] {
  const before = asObject(record.before);
  const after = asObject(record.after);
  const changes: ReadableChange[] = [];
  if ("candidates" in after) {
    changes.push({ label: t("audit.fields.ballotKind"), after: t(`audit.ballotKinds.${String(after.kind)}`) });
    changes.push({ label: t("audit.fields.round"), after: String(after.round) });
    changes.push({ label: t("audit.fields.candidates"), after: units(after.candidates) });
  }
  if ("present" in after)
    changes.push({ label: t("audit.fields.present"), before: units(before.present), after: units(after.present) });
  if ("voted" in after) changes.push({ label: t("audit.fields.voted"), after: units([after.voted]) });
  const count = asObject(after.count);
  if ("result" in count)
    changes.push({
      label: t("audit.fields.elected"),
      after: units(asObject(count.result).elected) ?? t("audit.noneElected"),
    });
  return changes;
}
