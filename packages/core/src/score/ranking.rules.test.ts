import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RankingInput, rankUnits } from "./ranking.rules.ts";
import type { Totals } from "./score.rules.ts";

const totals = (total: number, first = 0, penalties = 0, bonus = 0): Totals => ({
  criteria: total - bonus + penalties,
  bonus,
  penalties,
  total,
  groups: { g1: first },
});

const entry = fc.record({
  // Small ranges so ties happen often.
  total: fc.integer({ min: 0, max: 6 }),
  first: fc.integer({ min: 0, max: 3 }),
  penalties: fc.integer({ min: 0, max: 2 }),
  bonus: fc.integer({ min: 0, max: 2 }),
  eligible: fc.boolean(),
});
const field = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), entry), {
  selector: ([id]) => id,
  maxLength: 14,
});
const withShuffle = field.chain((xs) =>
  fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
);
type Generated = [string, { total: number; first: number; penalties: number; bonus: number; eligible: boolean }];
const toInputs = (xs: readonly Generated[]): RankingInput[] =>
  xs.map(([unitId, e]) => ({ unitId, eligible: e.eligible, totals: totals(e.total, e.first, e.penalties, e.bonus) }));
const tieBreak = ["first_group", "fewer_penalties"] as const;

describe("ranking", () => {
  it("breaks a tie by the first group, then by fewer penalties, and lets equal units share a rank", () => {
    const ranking = rankUnits(
      [
        { unitId: "a", eligible: true, totals: totals(90, 30, 1) },
        { unitId: "b", eligible: true, totals: totals(90, 32, 2) },
        { unitId: "c", eligible: true, totals: totals(90, 30, 0) },
        { unitId: "d", eligible: true, totals: totals(90, 30, 0) },
        { unitId: "e", eligible: true, totals: totals(80, 40, 0) },
      ],
      "g1",
      tieBreak,
    );
    expect(ranking.map((r) => [r.unitId, r.rank])).toEqual([
      ["b", 1],
      ["c", 2],
      ["d", 2],
      ["a", 4],
      ["e", 5],
    ]);
  });

  it("shows a unit under discipline where its score puts it, without a rank: the next one ranks first", () => {
    const ranking = rankUnits(
      [
        { unitId: "vp", eligible: false, totals: totals(98) },
        { unitId: "tg", eligible: true, totals: totals(95) },
      ],
      "g1",
      tieBreak,
    );
    expect(ranking).toMatchObject([
      { unitId: "vp", rank: null, eligible: false, total: 98 },
      { unitId: "tg", rank: 1, eligible: true },
    ]);
  });

  it("is a permutation of its input whatever the input's order", () => {
    fc.assert(
      fc.property(withShuffle, ([xs, shuffledXs]) => {
        const inputs = toInputs(xs);
        const shuffled = toInputs(shuffledXs);
        const ranking = rankUnits(inputs, "g1", tieBreak);
        expect(ranking.map((r) => r.unitId).sort()).toEqual(inputs.map((i) => i.unitId).sort());
        expect(rankUnits(shuffled, "g1", tieBreak)).toEqual(ranking);
      }),
    );
  });

  it("orders by total then the tie-breaks, equal keys share a rank, different keys do not", () => {
    fc.assert(
      fc.property(field, (xs) => {
        const ranking = rankUnits(toInputs(xs), "g1", tieBreak);
        const keys = ranking.map((r) => [r.total, r.firstGroup, -r.penalties]);
        // Consecutive entries: the first key that differs is higher before than after.
        keys.slice(1).forEach((b, i) => {
          const a = keys[i] ?? [];
          const k = a.findIndex((v, j) => v !== b[j]);
          if (k >= 0) expect(a[k]).toBeGreaterThan(b[k] ?? 0);
        });
        const ranked = ranking.flatMap((r, i) => (r.eligible ? [{ rank: r.rank, key: String(keys[i]) }] : []));
        ranked.slice(1).forEach((r, i) => {
          const before = ranked[i];
          expect(r.rank).toBe(before?.key === r.key ? before.rank : i + 2);
        });
      }),
    );
  });

  it("never ranks an ineligible unit, and the first rank goes to an eligible unit when there is one", () => {
    fc.assert(
      fc.property(field, (xs) => {
        const ranking = rankUnits(toInputs(xs), "g1", tieBreak);
        for (const r of ranking) expect(r.rank === null).toBe(!r.eligible);
        const eligible = ranking.filter((r) => r.eligible);
        if (eligible.length) expect(eligible[0]?.rank).toBe(1);
      }),
    );
  });
});
