import type { AuditRecord } from "../../api/audit.ts";
import type { ReadableChange, Translate } from "./types.ts";

interface Item {
  id: string;
  title: string;
  maxPoints?: number;
  weight?: number;
  evidenceRequired?: boolean;
  guidance?: string;
}
interface Table {
  groups?: (Item & { items?: Item[] })[];
  bonus?: Item[];
  penalties?: Item[];
}

/** Every line of a table by a key unique within it: groups, criteria, bonus and penalty items. */
function linesOf(table: Table | undefined): Map<string, Item & { part: string }> {
  const lines = new Map<string, Item & { part: string }>();
  for (const group of table?.groups ?? []) {
    lines.set(`group:${group.id}`, { ...group, part: "group" });
    for (const item of group.items ?? []) lines.set(`criterion:${item.id}`, { ...item, part: "criterion" });
  }
  for (const item of table?.bonus ?? []) lines.set(`bonus:${item.id}`, { ...item, part: "bonus" });
  for (const item of table?.penalties ?? []) lines.set(`penalty:${item.id}`, { ...item, part: "penalty" });
  return lines;
}

const points = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n);
const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A criteria table's save in a few lines: what was added and removed, and each line whose points, weight
 * or text changed ("1.2: 10 → 12 điểm"). A first table is summarised by its size and total.
 */
export function criteriaChanges(record: AuditRecord, t: Translate): ReadableChange[] {
  const before = linesOf(record.before as Table | undefined);
  const after = linesOf(record.after as Table | undefined);
  const criteria = [...after.values()].filter((l) => l.part === "criterion");
  if (record.action === "create" || before.size === 0) {
    const total = criteria.reduce((sum, l) => sum + (l.maxPoints ?? 0) * (l.weight ?? 1), 0);
    const groups = [...after.values()].filter((l) => l.part === "group").length;
    return [
      {
        label: t("audit.criteria.table"),
        after: t("audit.criteria.size", { groups, criteria: criteria.length, points: points(total) }),
      },
    ];
  }
  const name = (l: Item & { part: string }) => `${t(`audit.criteria.part.${l.part}`)} ${l.id}`;
  const added = [...after.entries()].filter(([key]) => !before.has(key)).map(([, l]) => l);
  const removed = [...before.entries()].filter(([key]) => !after.has(key)).map(([, l]) => l);
  const lines: ReadableChange[] = [];
  if (added.length)
    lines.push({
      label: t("audit.criteria.added", { count: added.length }),
      after: added.map((l) => `${name(l)}: ${short(l.title, 60)}`).join("; "),
    });
  if (removed.length)
    lines.push({
      label: t("audit.criteria.removed", { count: removed.length }),
      before: removed.map((l) => `${name(l)}: ${short(l.title, 60)}`).join("; "),
    });
  for (const [key, next] of after) {
    const previous = before.get(key);
    if (!previous) continue;
    if (previous.maxPoints !== next.maxPoints && next.maxPoints !== undefined)
      lines.push({
        label: name(next).replace(/^./, (c) => c.toLocaleUpperCase("vi")),
        before: t("audit.criteria.points", { points: points(previous.maxPoints ?? 0) }),
        after: t("audit.criteria.points", { points: points(next.maxPoints) }),
      });
    if ((previous.weight ?? 1) !== (next.weight ?? 1))
      lines.push({
        label: t("audit.criteria.weightOf", { name: name(next) }),
        before: points(previous.weight ?? 1),
        after: points(next.weight ?? 1),
      });
    if (previous.title !== next.title)
      lines.push({
        label: t("audit.criteria.textOf", { name: name(next) }),
        before: short(previous.title),
        after: short(next.title),
      });
    if ((previous.guidance ?? "") !== (next.guidance ?? ""))
      lines.push({
        label: t("audit.criteria.guidanceOf", { name: name(next) }),
        before: previous.guidance ? short(previous.guidance) : undefined,
        after: next.guidance ? short(next.guidance) : undefined,
      });
    if (Boolean(previous.evidenceRequired) !== Boolean(next.evidenceRequired))
      lines.push({
        label: t("audit.criteria.evidenceOf", { name: name(next) }),
        before: t(previous.evidenceRequired ? "criteria.yes" : "criteria.no"),
        after: t(next.evidenceRequired ? "criteria.yes" : "criteria.no"),
      });
  }
  // Lines kept but put in another order.
  const kept = (lines: Map<string, unknown>, other: Map<string, unknown>) =>
    [...lines.keys()].filter((k) => other.has(k));
  if (kept(before, after).join() !== kept(after, before).join()) lines.push({ label: t("audit.criteria.reordered") });
  return lines;
}
