import type { AuditRecord } from "../../api/audit.ts";
import type { ReadableChange, Translate } from "./types.ts";

/*
 * A member's part in a year as the trail records it: what it registered, signed, reported, scored, which
 * evidence it attached, and how its lines were verified, each line by its id in the criteria table.
 */

type Fields = Record<string, unknown>;
const asObject = (value: unknown): Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : {};

export function participationChanges(
  record: Pick<AuditRecord, "before" | "after">,
  t: Translate,
  show: {
    date: (v: unknown) => string | undefined;
    unit: (id: string) => string;
    awardTypes: (ids: unknown) => string | undefined;
  },
): ReadableChange[] {
  const before = asObject(record.before);
  const after = asObject(record.after);
  const changes: ReadableChange[] = [];
  const items = (v: unknown) => (Array.isArray(v) && v.length ? v.join("; ") : undefined);
  const points = (v: unknown) => {
    const p = typeof v === "number" ? v : asObject(v).points;
    return typeof p === "number" ? t("audit.points", { points: p.toLocaleString("vi-VN") }) : undefined;
  };
  if ("targets" in after)
    changes.push({ label: t("audit.fields.targets"), before: items(before.targets), after: items(after.targets) });
  if ("aims" in after)
    changes.push({
      label: t("audit.fields.aims"),
      before: show.awardTypes(before.aims),
      after: show.awardTypes(after.aims),
    });
  if ("items" in after)
    changes.push({ label: t("audit.fields.reportItems"), before: items(before.items), after: items(after.items) });
  for (const key of ["covenant", "submitted", "locked"] as const)
    if (key in after || key in before)
      changes.push({ label: t(`audit.fields.${key}`), before: show.date(before[key]), after: show.date(after[key]) });
  if ("scorerUnitId" in after || "scorerUnitId" in before) {
    const scorer = (v: unknown) => (typeof v === "string" ? show.unit(v) : t("audit.leaderVerifies"));
    changes.push({
      label: t("audit.fields.scorerUnitId"),
      before: scorer(before.scorerUnitId),
      after: scorer(after.scorerUnitId),
    });
  }
  const lines = asObject(after.lines);
  const was = asObject(before.lines);
  for (const id of new Set([...Object.keys(was), ...Object.keys(lines)])) {
    // An attachment records the file names alone; a scored line has its points.
    const line = asObject(lines[id] ?? was[id]);
    const files = line.files;
    if (Array.isArray(files) && !("points" in line)) {
      const label = t(lines[id] ? "audit.fields.evidenceAdded" : "audit.fields.evidenceRemoved", { line: id });
      changes.push({ label, ...(lines[id] ? { after: files.join(", ") } : { before: files.join(", ") }) });
      continue;
    }
    changes.push({ label: t("audit.fields.line", { line: id }), before: points(was[id]), after: points(lines[id]) });
  }
  return changes;
}
