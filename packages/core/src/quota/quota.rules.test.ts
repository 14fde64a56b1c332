import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultQuota,
  governmentFlagCap,
  QuotaSetting,
  quotaFor,
  quotaLines,
  quotaProblems,
  quotaRoundings,
  summarizeQuotas,
} from "./quota.rules.ts";

const setting = fc.record({
  mode: fc.constantFrom("count" as const, "percent" as const),
  value: fc.integer({ min: 0, max: 100 }),
  rounding: fc.constantFrom(...quotaRoundings),
});
const members = fc.integer({ min: 0, max: 500 });

describe("quota rules", () => {
  it("is never negative", () => {
    fc.assert(
      fc.property(setting, members, (s, n) => {
        expect(quotaFor(s, n)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("gives every member at 100 percent rounded down", () => {
    fc.assert(
      fc.property(members, (n) => {
        expect(quotaFor({ mode: "percent", value: 100, rounding: "down" }, n)).toBe(n);
      }),
    );
  });

  it("grows (never shrinks) with the member count", () => {
    fc.assert(
      fc.property(setting, members, members, (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(quotaFor(s, lo)).toBeLessThanOrEqual(quotaFor(s, hi));
      }),
    );
  });

  it("keeps a percentage between its rounded-down and rounded-up values", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), members, (value, n) => {
        const at = (rounding: (typeof quotaRoundings)[number]) => quotaFor({ mode: "percent", value, rounding }, n);
        expect(at("down")).toBeLessThanOrEqual(at("nearest"));
        expect(at("nearest")).toBeLessThanOrEqual(at("up"));
        expect(at("up") - at("down")).toBeLessThanOrEqual(1);
        expect(at("down")).toBeLessThanOrEqual((value * n) / 100);
      }),
    );
  });

  it("rounds a percentage of members as told", () => {
    const of = (rounding: (typeof quotaRoundings)[number]) => quotaFor({ mode: "percent", value: 30, rounding }, 7);
    expect([of("down"), of("nearest"), of("up")]).toEqual([2, 2, 3]);
    expect(quotaFor({ mode: "percent", value: 50, rounding: "nearest" }, 5)).toBe(3);
    expect(quotaFor({ mode: "count", value: 4, rounding: "down" }, 2)).toBe(4);
  });

  it("defaults to one provincial flag and nothing else", () => {
    expect(quotaLines(["provincial-flag", "certificate-of-merit"], [], 8)).toEqual([
      { ...defaultQuota("provincial-flag"), value: 1, resulting: 1 },
      { ...defaultQuota("certificate-of-merit"), value: 0, resulting: 0 },
    ]);
  });

  it("refuses a percentage over 100 and names unknown or repeated award types", () => {
    const over = QuotaSetting.safeParse({ awardTypeId: "x", mode: "percent", value: 120 });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.path).toEqual(["value"]);
    expect(QuotaSetting.parse({ awardTypeId: "x", mode: "count", value: 120 }).rounding).toBe("down");
    expect(quotaProblems([{ awardTypeId: "a" }, { awardTypeId: "z" }, { awardTypeId: "a" }], new Set(["a"]))).toEqual([
      { path: "items.1.awardTypeId", message: "award_type.not_found" },
      { path: "items.2.awardTypeId", message: "quota.duplicate" },
    ]);
  });

  it("caps government flags at a share of provincial flags, rounded down", () => {
    expect(governmentFlagCap(0.2, 6)).toBe(1);
    expect(governmentFlagCap(0.5, 6)).toBe(3);
    expect(governmentFlagCap(0.29, 100)).toBe(29);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1000 }), (percent, flags) => {
        expect(governmentFlagCap(percent / 100, flags)).toBe(Math.floor((percent * flags) / 100));
      }),
    );
  });

  it("sums the blocs and warns when government flags exceed the cap", () => {
    const ids = ["provincial-flag", "government-flag"];
    const bloc = (i: number, governmentFlags: number) => ({
      blocId: `b${i}`,
      name: `Khối ${i}`,
      memberCount: 5,
      stored: [
        { awardTypeId: "government-flag", mode: "count" as const, value: governmentFlags, rounding: "down" as const },
      ],
    });
    const within = summarizeQuotas([bloc(1, 1), bloc(2, 0), bloc(3, 0), bloc(4, 0), bloc(5, 0)], ids, 0.2);
    expect(within.totals).toEqual({ "provincial-flag": 5, "government-flag": 1 });
    expect(within.caps.governmentFlag).toEqual({ share: 0.2, max: 1 });
    expect(within.warnings).toEqual([]);
    const over = summarizeQuotas([bloc(1, 1), bloc(2, 1)], ids, 0.2);
    expect(over.warnings.map((w) => w.code)).toEqual(["quota.government_flag_over_cap"]);
  });
});
