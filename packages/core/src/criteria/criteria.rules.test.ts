import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bonusTotal, CriteriaTable, criteriaProblems, tableTotal } from "./criteria.rules.ts";
import { sampleCriteriaTable } from "./template.rules.ts";

const scale = { total: 100, bonusMax: 10 };

/** A table whose criteria carry the given max points (in hundredths), `perGroup` to a group. */
function tableOf(points: number[], perGroup = 3): CriteriaTable {
  const groups: CriteriaTable["groups"] = [];
  points.forEach((p, i) => {
    const g = Math.floor(i / perGroup);
    groups[g] ??= { id: `${g + 1}`, title: `Nhóm ${g + 1}`, items: [] };
    groups[g].items.push({
      id: `${g + 1}.${i + 1}`,
      title: `Tiêu chí ${i + 1}`,
      maxPoints: p / 100,
      evidenceRequired: false,
    });
  });
  return { groups, bonus: [], penalties: [] };
}

/** Splits `total` points into hundredths proportional to `shares`, each at least 0.01. */
function scaled(shares: number[], total: number): number[] {
  const whole = total * 100 - shares.length;
  const sum = shares.reduce((a, b) => a + b, 0);
  const parts = shares.map((s) => 1 + Math.floor((whole * s) / sum));
  parts[0] = (parts[0] as number) + total * 100 - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const shares = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 });
const totals = fc.integer({ min: 10, max: 1000 });

describe("criteria rules", () => {
  it("accepts any table scaled to the total", () => {
    fc.assert(
      fc.property(shares, totals, fc.integer({ min: 1, max: 6 }), (s, total, perGroup) => {
        const table = tableOf(scaled(s, total), perGroup);
        expect(CriteriaTable.safeParse(table).success).toBe(true);
        expect(criteriaProblems(table, { total, bonusMax: 10 })).toEqual([]);
        expect(tableTotal(table)).toBe(total);
      }),
    );
  });

  it("rejects the table when any one max changes", () => {
    fc.assert(
      fc.property(
        shares,
        totals,
        fc.nat(),
        fc.integer({ min: -5000, max: 5000 }).filter((d) => d !== 0),
        (s, total, at, delta) => {
          const points = scaled(s, total);
          const i = at % points.length;
          fc.pre((points[i] as number) + delta > 0);
          points[i] = (points[i] as number) + delta;
          expect(criteriaProblems(tableOf(points), { total, bonusMax: 10 })).toContainEqual({
            path: "groups",
            message: "criteria.total_mismatch",
          });
        },
      ),
    );
  });

  it("adds decimals exactly: 33.33 + 33.33 + 33.34 is 100", () => {
    const table = tableOf([3333, 3333, 3334]);
    expect(criteriaProblems(table, scale)).toEqual([]);
    expect(tableTotal(table)).toBe(100);
    expect(criteriaProblems(tableOf([3333, 3333, 3333]), scale)).toEqual([
      { path: "groups", message: "criteria.total_mismatch" },
    ]);
  });

  it("counts a criterion as max points times its weight", () => {
    const table = tableOf([2500, 5000]);
    const first = table.groups[0]?.items[0];
    if (!first) throw new Error("no criterion");
    first.weight = 2;
    expect(tableTotal(table)).toBe(100);
    expect(criteriaProblems(table, scale)).toEqual([]);
    first.weight = 1.5;
    expect(tableTotal(table)).toBe(87.5);
  });

  it("names a duplicated id where it appears the second time", () => {
    const table = tableOf([5000, 5000], 1);
    const second = table.groups[1]?.items[0];
    if (!second) throw new Error("no criterion");
    second.id = "1.1";
    table.bonus = [{ id: "1", title: "Thưởng", maxPoints: 1 }];
    expect(criteriaProblems(table, scale)).toEqual([
      { path: "groups.1.items.0.id", message: "criteria.duplicate_id" },
      { path: "bonus.0.id", message: "criteria.duplicate_id" },
    ]);
  });

  it("refuses an empty group and bonus items over the max", () => {
    const table = tableOf([10000]);
    table.groups.push({ id: "2", title: "Nhóm trống", items: [] });
    table.bonus = [
      { id: "b1", title: "Sáng kiến", maxPoints: 6 },
      { id: "b2", title: "Khen thưởng đột xuất", maxPoints: 4.01 },
    ];
    expect(bonusTotal(table)).toBe(10.01);
    expect(criteriaProblems(table, scale)).toEqual([
      { path: "groups.1.items", message: "criteria.empty_group" },
      { path: "bonus", message: "criteria.bonus_over_max" },
    ]);
    table.bonus.pop();
    expect(criteriaProblems(table, { total: 100, bonusMax: 6 })).toEqual([
      { path: "groups.1.items", message: "criteria.empty_group" },
    ]);
  });

  it("keeps points to two decimals and weights positive", () => {
    const parse = (maxPoints: number, weight?: number) =>
      CriteriaTable.safeParse({
        groups: [
          {
            id: "1",
            title: "Nhóm",
            items: [{ id: "1.1", title: "Tiêu chí", maxPoints, weight, evidenceRequired: true }],
          },
        ],
        bonus: [],
        penalties: [],
      }).success;
    expect(parse(12.34)).toBe(true);
    expect(parse(12.345)).toBe(false);
    expect(parse(0)).toBe(false);
    expect(parse(10, 0)).toBe(false);
    expect(parse(10, 0.5)).toBe(true);
  });

  it("ships a sample table of 100 points with bonus items up to 10", () => {
    expect(CriteriaTable.parse(sampleCriteriaTable)).toEqual(sampleCriteriaTable);
    expect(criteriaProblems(sampleCriteriaTable, scale)).toEqual([]);
    expect(tableTotal(sampleCriteriaTable)).toBe(100);
    expect(bonusTotal(sampleCriteriaTable)).toBe(10);
    expect(sampleCriteriaTable.penalties.length).toBeGreaterThan(0);
  });
});
