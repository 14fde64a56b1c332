import { z } from "zod";
import { ReadVersion } from "../edit/edit.rules.ts";
import { textField } from "../text/index.ts";

/**
 * A bloc's criteria table (bảng tiêu chí, thang điểm): groups of criteria with
 * max points, bonus items (điểm thưởng) and penalty items (điểm trừ). Each
 * save is a new version; a bloc-year keeps the version it opened with.
 */

/** Ids such as "1", "1.2", "b1": unique across the whole table. */
const CriterionId = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[0-9A-Za-z._-]+$/, "Letters, digits, dot, dash or underscore");
/** The longest title and scoring guidance of a line (the dashboard counts against these). */
export const TITLE_MAX = 500;
export const GUIDANCE_MAX = 2000;
const Title = textField({ min: 1, max: TITLE_MAX });
/** Points: positive, at most two decimals. */
// The document states `multipleOf` through `meta`: its converter leaves zod's own out.
const Points = z.number().positive().max(1000).multipleOf(0.01).meta({ multipleOf: 0.01 });

export const Criterion = z
  .object({
    id: CriterionId,
    title: Title,
    maxPoints: Points,
    /** Multiplies maxPoints in the total; 1 when absent. */
    weight: z.number().positive().max(100).multipleOf(0.01).meta({ multipleOf: 0.01 }).optional(),
    evidenceRequired: z.boolean(),
    /** How to score it: what counts, what evidence to attach. */
    guidance: textField({ min: 0, max: GUIDANCE_MAX, multiline: true }).optional(),
  })
  .meta({ id: "Criterion" });
export type Criterion = z.infer<typeof Criterion>;

export const CriteriaGroup = z
  .object({ id: CriterionId, title: Title, items: z.array(Criterion).max(60) })
  .meta({ id: "CriteriaGroup" });
export type CriteriaGroup = z.infer<typeof CriteriaGroup>;

/** A bonus (điểm thưởng) or penalty (điểm trừ) item, each with its own max. */
export const AdjustmentItem = z.object({ id: CriterionId, title: Title, maxPoints: Points }).meta({
  id: "AdjustmentItem",
});
export type AdjustmentItem = z.infer<typeof AdjustmentItem>;

/**
 * The stored size limit of one table. A save writes the table twice in one
 * transaction item (the audit record's before and after), and a DynamoDB item
 * holds at most 400 KB.
 */
export const MAX_TABLE_BYTES = 120_000;

export const CriteriaTable = z
  .object({
    groups: z.array(CriteriaGroup).max(30),
    bonus: z.array(AdjustmentItem).max(30),
    penalties: z.array(AdjustmentItem).max(30),
  })
  .refine((t) => new TextEncoder().encode(JSON.stringify(t)).length <= MAX_TABLE_BYTES, {
    message: "criteria.too_large",
  })
  .meta({ id: "CriteriaTable" });
export type CriteriaTable = z.infer<typeof CriteriaTable>;

/** The part of the rules a criteria table must match. */
export interface CriteriaScale {
  /** Points the criteria must add up to. */
  total: number;
  /** The most the bonus items may add up to. */
  bonusMax: number;
}

export const CriteriaScaleView = z.object({ total: z.number(), bonusMax: z.number() }).meta({ id: "CriteriaScale" });

/** The bloc's current table; `version` 0 and `table` null until one is saved. */
export const CriteriaView = z
  // A union, not `.nullable()`: that would make the shared CriteriaTable component itself nullable.
  .object({ version: z.number().int(), table: z.union([CriteriaTable, z.null()]), scale: CriteriaScaleView })
  .meta({ id: "CriteriaView" });
export type CriteriaView = z.infer<typeof CriteriaView>;

/** One saved version of a bloc's table. */
export const CriteriaVersion = z
  .object({ version: z.number().int(), table: CriteriaTable, createdAt: z.string(), createdBy: z.string() })
  .meta({ id: "CriteriaVersion" });
export type CriteriaVersion = z.infer<typeof CriteriaVersion>;

export const SaveCriteriaInput = z.object({
  table: CriteriaTable,
  /** The version read; 0 when the bloc has no table yet. */
  baseVersion: ReadVersion,
});
export type SaveCriteriaInput = z.input<typeof SaveCriteriaInput>;

// Exact decimal arithmetic: points are whole hundredths, weights too, so a
// weighted contribution is a whole number of ten-thousandths.
const hundredths = (x: number) => Math.round(x * 100);
const contribution = (c: Pick<Criterion, "maxPoints" | "weight">) =>
  hundredths(c.maxPoints) * hundredths(c.weight ?? 1);
const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The points of one group: the sum of its criteria's contributions. */
export const groupTotal = (g: Pick<CriteriaGroup, "items">): number => sumOf(g.items.map(contribution)) / 10_000;

/** The points of the criteria (bonus and penalties apart). */
export const tableTotal = (t: Pick<CriteriaTable, "groups">): number =>
  sumOf(t.groups.flatMap((g) => g.items.map(contribution))) / 10_000;

/** The most points all bonus items together can add. */
export const bonusTotal = (t: Pick<CriteriaTable, "bonus">): number =>
  sumOf(t.bonus.map((b) => hundredths(b.maxPoints))) / 100;

export interface CriteriaProblem {
  path: string;
  message: "criteria.total_mismatch" | "criteria.bonus_over_max" | "criteria.duplicate_id" | "criteria.empty_group";
}

/** Why a table does not fit the scale, as field paths under the table; empty when it fits. */
export function criteriaProblems(table: CriteriaTable, scale: CriteriaScale): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  const seen = new Set<string>();
  const checkId = (id: string, path: string) => {
    if (seen.has(id)) problems.push({ path, message: "criteria.duplicate_id" });
    seen.add(id);
  };
  table.groups.forEach((g, gi) => {
    checkId(g.id, `groups.${gi}.id`);
    if (g.items.length === 0) problems.push({ path: `groups.${gi}.items`, message: "criteria.empty_group" });
    g.items.forEach((c, ci) => {
      checkId(c.id, `groups.${gi}.items.${ci}.id`);
    });
  });
  table.bonus.forEach((b, i) => {
    checkId(b.id, `bonus.${i}.id`);
  });
  table.penalties.forEach((p, i) => {
    checkId(p.id, `penalties.${i}.id`);
  });
  const total = sumOf(table.groups.flatMap((g) => g.items.map(contribution)));
  if (total !== hundredths(scale.total) * 100) problems.push({ path: "groups", message: "criteria.total_mismatch" });
  if (sumOf(table.bonus.map((b) => hundredths(b.maxPoints))) > hundredths(scale.bonusMax))
    problems.push({ path: "bonus", message: "criteria.bonus_over_max" });
  return problems;
}
