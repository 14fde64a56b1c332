import { describe, expect, it } from "vitest";
import type { Participation } from "../../api/cycle.ts";
import { yearTabsOf } from "./yearTabs.ts";

const member = (unitId: string, scorerUnitId?: string): Participation => ({
  unitId,
  version: 1,
  ...(scorerUnitId ? { verification: { scorerUnitId, recusals: [], lines: {} } } : {}),
});
const unit = { role: "unit" as const, leads: false, unitId: "a" };
const leader = { role: "unit" as const, leads: true, unitId: "l" };
const board = { role: "board" as const, leads: true };
const council = { role: "council" as const, leads: false };
const view = (
  phase: "registration" | "scoring" | "verification" | "ranked",
  parts: Participation[],
  unitId?: string,
) => ({
  phase,
  participations: parts,
  you: { leads: false, ...(unitId ? { unitId } : {}) },
});

describe("the tabs of a year", () => {
  it("gives a member its own part and the bloc's progress; the grid only for sheets assigned to it", () => {
    expect(yearTabsOf(view("registration", [member("a")], "a"), unit)).toEqual(["unit", "progress"]);
    expect(yearTabsOf(view("verification", [member("a")], "a"), unit)).toEqual(["unit", "progress"]);
    expect(yearTabsOf(view("verification", [member("a"), member("b", "a")], "a"), unit)).toEqual([
      "unit",
      "progress",
      "scores",
    ]);
    expect(yearTabsOf(view("ranked", [member("a")], "a"), unit)).toEqual([
      "unit",
      "progress",
      "ranking",
      "conference",
      "proposals",
    ]);
  });

  it("gives those who lead the summary, the grid and the ranking as the year reaches them", () => {
    expect(yearTabsOf(view("scoring", [], "l"), leader)).toEqual(["unit", "progress", "summary", "scores"]);
    expect(yearTabsOf(view("verification", []), board)).toEqual(["progress", "summary", "scores", "ranking"]);
    // A council member reads the grid and the ranking, not the summary editor.
    expect(yearTabsOf(view("verification", []), council)).toEqual(["progress", "scores", "ranking"]);
  });
});
