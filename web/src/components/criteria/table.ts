import {
  bonusTotal,
  groupTotal as coreGroupTotal,
  tableTotal as coreTableTotal,
  criteriaProblems,
  GUIDANCE_MAX,
  TITLE_MAX,
} from "@thidua/core/criteria/rules";
import type { AdjustmentItem, CriteriaGroup, CriteriaTable, Criterion } from "../../api/criteria.ts";

/**
 * Pure helpers of the criteria editor. The draft is a CriteriaTable whose numbers may be NaN while a field
 * is empty; totals come from the API's own rules (whole hundredths, maxPoints × weight) with empty fields
 * counted as 0, so "Tổng: 100/100" here means the API will agree.
 */

export const emptyTable = (): CriteriaTable => ({ groups: [], bonus: [], penalties: [] });

const orZero = (x: number) => (Number.isFinite(x) ? x : 0);
const counted = (c: Criterion): Criterion => ({
  ...c,
  maxPoints: orZero(c.maxPoints),
  ...(c.weight === undefined ? {} : { weight: orZero(c.weight) }),
});
const countedTable = (t: CriteriaTable): CriteriaTable => ({
  groups: t.groups.map((g) => ({ ...g, items: g.items.map(counted) })),
  bonus: t.bonus.map((b) => ({ ...b, maxPoints: orZero(b.maxPoints) })),
  penalties: t.penalties.map((p) => ({ ...p, maxPoints: orZero(p.maxPoints) })),
});

export const groupTotal = (g: CriteriaGroup): number => coreGroupTotal({ items: g.items.map(counted) });
export const tableTotal = (t: CriteriaTable): number => coreTableTotal(countedTable(t));
export const adjustmentTotal = (items: AdjustmentItem[]): number =>
  bonusTotal({ bonus: items.map((b) => ({ ...b, maxPoints: orZero(b.maxPoints) })) });
/** Whether the criteria add up to the scale's total exactly (the API's own check). */
export const totalMatches = (t: CriteriaTable, total: number): boolean =>
  !criteriaProblems(countedTable(t), { total, bonusMax: Number.POSITIVE_INFINITY }).some(
    (p) => p.message === "criteria.total_mismatch",
  );

/** Vietnamese number formatting: 12,5 rather than 12.5. */
export const formatPoints = (points: number, language: string): string =>
  points.toLocaleString(language === "en" ? "en" : "vi", { maximumFractionDigits: 2 });

const allIds = (t: CriteriaTable) =>
  new Set([
    ...t.groups.flatMap((g) => [g.id, ...g.items.map((c) => c.id)]),
    ...t.bonus.map((b) => b.id),
    ...t.penalties.map((p) => p.id),
  ]);

/** The first free id `${prefix}${n}` (n from 1): readable, like the sample tables ("2", "2.3", "b1"). */
function freeId(t: CriteriaTable, prefix: string): string {
  const taken = allIds(t);
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export const newGroup = (t: CriteriaTable): CriteriaGroup => ({ id: freeId(t, ""), title: "", items: [] });
export const newCriterion = (t: CriteriaTable, group: CriteriaGroup): Criterion => ({
  id: freeId(t, `${group.id}.`),
  title: "",
  maxPoints: Number.NaN,
  evidenceRequired: true,
});
export const newAdjustment = (t: CriteriaTable, prefix: "b" | "p"): AdjustmentItem => ({
  id: freeId(t, prefix),
  title: "",
  maxPoints: Number.NaN,
});

/** The list with element `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item === undefined || target < 0 || target > list.length - 1) return [...list];
  next.splice(target, 0, item);
  return next;
}

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((old, i) => (i === index ? item : old));
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/** Why a title is refused, if it is: empty, or longer than the API keeps. */
const titleProblem = (title: string) =>
  !title.trim() ? "criteria.title_required" : title.trim().length > TITLE_MAX ? "criteria.title_too_long" : undefined;

const validPoints = (x: number) =>
  Number.isFinite(x) && x > 0 && x <= 1000 && Math.abs(x * 100 - Math.round(x * 100)) < 1e-9;

/**
 * What is wrong with the draft, as API-style paths (without `table.`) → codes under `errors.`.
 * The same checks as the API, plus the field rules the API words as zod messages.
 */
export function problems(t: CriteriaTable, scale: { total: number; bonusMax: number }): Record<string, string> {
  const found: Record<string, string> = {};
  t.groups.forEach((g, gi) => {
    const groupTitle = titleProblem(g.title);
    if (groupTitle) found[`groups.${gi}.title`] = groupTitle;
    g.items.forEach((c, ci) => {
      const at = `groups.${gi}.items.${ci}`;
      const title = titleProblem(c.title);
      if (title) found[`${at}.title`] = title;
      if ((c.guidance ?? "").trim().length > GUIDANCE_MAX) found[`${at}.guidance`] = "criteria.guidance_too_long";
      if (!validPoints(c.maxPoints)) found[`${at}.maxPoints`] = "criteria.points_invalid";
      if (c.weight !== undefined && !(validPoints(c.weight) && c.weight <= 100))
        found[`${at}.weight`] = "criteria.weight_invalid";
    });
  });
  for (const [key, items] of [
    ["bonus", t.bonus],
    ["penalties", t.penalties],
  ] as const)
    items.forEach((item, i) => {
      const title = titleProblem(item.title);
      if (title) found[`${key}.${i}.title`] = title;
      if (!validPoints(item.maxPoints)) found[`${key}.${i}.maxPoints`] = "criteria.points_invalid";
    });
  // Structure and totals exactly as the API checks them (duplicate ids, empty groups, total, bonus cap).
  for (const { path, message } of criteriaProblems(countedTable(t), scale)) found[path] ??= message;
  if (t.groups.length === 0) found.groups = "criteria.no_groups";
  return found;
}

/** Whether two tables say the same, whatever the order of their keys (the API answers in its own order). */
export const sameTable = (a: CriteriaTable, b: CriteriaTable): boolean => canonical(a) === canonical(b);
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y)))
      : inner,
  );

/** The draft as the API takes it: trimmed text, no empty guidance. */
export function normalize(t: CriteriaTable): CriteriaTable {
  return {
    groups: t.groups.map((g) => ({
      id: g.id,
      title: g.title.trim(),
      items: g.items.map(({ guidance, weight, ...c }) => ({
        ...c,
        title: c.title.trim(),
        ...(weight === undefined ? {} : { weight }),
        ...(guidance?.trim() ? { guidance: guidance.trim() } : {}),
      })),
    })),
    bonus: t.bonus.map((b) => ({ ...b, title: b.title.trim() })),
    penalties: t.penalties.map((p) => ({ ...p, title: p.title.trim() })),
  };
}
