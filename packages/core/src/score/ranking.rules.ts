import { z } from "zod";
import type { rankingTieBreaks } from "../rules/rule-set.rules.ts";
import type { Totals } from "./score.rules.ts";

type TieBreak = (typeof rankingTieBreaks)[number];

/** One member in the ranking: computed from verified scores, never typed in. */
export const RankingEntry = z
  .object({
    unitId: z.string(),
    total: z.number(),
    criteria: z.number(),
    bonus: z.number(),
    penalties: z.number(),
    firstGroup: z.number(),
    /** 1 for the first; equal units share a rank; null for a unit that cannot rank (discipline). */
    rank: z.number().int().nullable(),
    eligible: z.boolean(),
  })
  .meta({ id: "RankingEntry" });
export type RankingEntry = z.infer<typeof RankingEntry>;

export interface RankingInput {
  unitId: string;
  totals: Totals;
  /** False for a unit under discipline that year (when the rules exclude it). */
  eligible: boolean;
}

const keyOf = (t: Totals, firstGroupId: string | undefined, tieBreak: readonly TieBreak[]): number[] => [
  t.total,
  ...tieBreak.map((b) =>
    b === "first_group"
      ? firstGroupId
        ? (t.groups[firstGroupId] ?? 0)
        : 0
      : b === "fewer_penalties"
        ? -t.penalties
        : t.bonus,
  ),
];

/** Higher first, key by key; 0 when every key is equal. */
const compareKeys = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/**
 * Orders members by total, then by the tie-breaks in turn. Units still equal share a rank (1, 2, 2, 4);
 * a unit that is not eligible is shown where its score puts it but takes no rank, so it can neither
 * rank first nor be proposed. The order of the input does not matter (equal units list by id).
 */
export function rankUnits(
  inputs: readonly RankingInput[],
  firstGroupId: string | undefined,
  tieBreak: readonly TieBreak[],
): RankingEntry[] {
  const keyed = inputs.map((i) => ({ ...i, key: keyOf(i.totals, firstGroupId, tieBreak) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  let position = 0;
  let previous: { key: number[]; rank: number } | undefined;
  return keyed.map(({ unitId, totals, eligible, key }) => {
    let rank: number | null = null;
    if (eligible) {
      position += 1;
      rank = previous && compareKeys(previous.key, key) === 0 ? previous.rank : position;
      previous = { key, rank };
    }
    return {
      unitId,
      total: totals.total,
      criteria: totals.criteria,
      bonus: totals.bonus,
      penalties: totals.penalties,
      firstGroup: firstGroupId ? (totals.groups[firstGroupId] ?? 0) : 0,
      rank,
      eligible,
    };
  });
}
