import type { CriteriaTable } from "@thidua/core/criteria/rules";
import { describe, expect, it } from "vitest";
import {
  emptyTable,
  formatPoints,
  move,
  newCriterion,
  newGroup,
  normalize,
  problems,
  sameTable,
  tableTotal,
  totalMatches,
} from "./table.ts";

const scale = { total: 100, bonusMax: 10 };
const table = (points: number[], weight?: number): CriteriaTable => ({
  groups: [
    {
      id: "1",
      title: " Nhiệm vụ chuyên môn ",
      items: points.map((maxPoints, i) => ({
        id: `1.${i + 1}`,
        title: `Tiêu chí ${i + 1}`,
        maxPoints,
        evidenceRequired: true,
        ...(weight === undefined ? {} : { weight }),
      })),
    },
  ],
  bonus: [],
  penalties: [],
});

describe("criteria editor maths", () => {
  it("adds up points × weight in whole hundredths, an empty field counting as 0", () => {
    expect(tableTotal(table([33.33, 33.33, 33.34]))).toBe(100);
    expect(tableTotal(table([20, Number.NaN], 2))).toBe(40);
    expect(totalMatches(table([60, 40]), 100)).toBe(true);
    expect(totalMatches(table([60, 39.99]), 100)).toBe(false);
  });

  it("names each problem by the path the API would use", () => {
    const draft = table([60, Number.NaN]);
    const first = draft.groups[0];
    if (!first) throw new Error("no group");
    const broken = {
      ...draft,
      groups: [{ ...first, items: [{ ...first.items[0], title: " " }, ...first.items.slice(1)] }],
    };
    expect(problems(broken as CriteriaTable, scale)).toEqual({
      "groups.0.items.0.title": "criteria.title_required",
      "groups.0.items.1.maxPoints": "criteria.points_invalid",
      groups: "criteria.total_mismatch",
    });
    expect(problems(emptyTable(), scale)).toMatchObject({ groups: "criteria.no_groups" });
    // Texts longer than the API keeps are named for what they are, not as "not valid".
    const long = {
      ...draft,
      groups: [
        {
          ...first,
          items: [
            { ...first.items[0], title: "x".repeat(501), guidance: "y".repeat(2001) },
            { ...first.items[1], maxPoints: 40 },
          ],
        },
      ],
    };
    expect(problems(long as CriteriaTable, scale)).toEqual({
      "groups.0.items.0.title": "criteria.title_too_long",
      "groups.0.items.0.guidance": "criteria.guidance_too_long",
    });
    expect(problems(table([60, 40]), scale)).toEqual({});
  });

  it("gives new rows readable free ids and moves rows within bounds", () => {
    const draft = table([50, 50]);
    expect(newGroup(draft).id).toBe("2");
    expect(newCriterion(draft, draft.groups[0] as CriteriaTable["groups"][number]).id).toBe("1.3");
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });

  it("trims what it sends, and compares tables whatever the order of their keys", () => {
    const sent = normalize(table([50, 50]));
    expect(sent.groups[0]?.title).toBe("Nhiệm vụ chuyên môn");
    expect(sameTable(sent, { penalties: [], bonus: [], groups: sent.groups })).toBe(true);
    expect(sameTable(sent, table([50, 50]))).toBe(false);
  });

  it("writes points the Vietnamese way, with a decimal comma", () => {
    expect(formatPoints(12.5, "vi")).toBe("12,5");
    expect(formatPoints(12.5, "en")).toBe("12.5");
  });
});
