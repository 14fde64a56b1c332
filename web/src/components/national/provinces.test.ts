import { describe, expect, it } from "vitest";
import { item, tenant } from "./national.fixture.ts";
import { activityOf, progressOf, provinceRows, stageOf, totalsOf } from "./provinces.ts";

const tenants = [
  tenant("an-giang", "An Giang"),
  tenant("quang-tri", "Quảng Trị", "suspended"),
  tenant("ninh-thuan", "Ninh Thuận", "archived"),
  tenant("kon-tum", "Kon Tum", "archived"),
];

describe("the provinces' rows", () => {
  it("flatten a summary: slots held and awards from the proposals, ballots added up, stages in order", () => {
    const [row] = provinceRows([item("an-giang")], tenants.slice(0, 1));
    expect(row).toMatchObject({
      tenantId: "an-giang",
      name: "An Giang",
      status: "active",
      hasData: true,
      units: 10,
      blocs: 2,
      clusters: 1,
      ballots: 3,
      // proposed 2 + approved 1 + approved 1; the rejected and the withdrawn hold no slot.
      proposals: 4,
      awards: 2,
      awardsByType: { "provincial-flag": 1, "certificate-of-merit": 1 },
      lastActivity: "2026-11-20T03:00:00.000Z",
    });
    expect(row?.stages).toEqual({
      planning: 1,
      registration: 0,
      in_progress: 0,
      mid_year_review: 0,
      scoring: 1,
      verification: 0,
      ranked: 0,
      closed: 1,
    });
  });

  it("show a province without figures as zeros, and an archived one only for a year it has figures", () => {
    const rows = provinceRows([item("ninh-thuan")], tenants);
    expect(rows.map((r) => r.tenantId)).toEqual(["an-giang", "quang-tri", "ninh-thuan"]);
    const quangTri = rows.find((r) => r.tenantId === "quang-tri");
    expect(quangTri).toMatchObject({ hasData: false, units: 0, proposals: 0, awards: 0, status: "suspended" });
    expect(quangTri?.lastActivity).toBeUndefined();
  });

  it("keep a summary whose province the registry no longer lists, named by its id", () => {
    const rows = provinceRows([item("quang-nam")], []);
    expect(rows).toMatchObject([{ tenantId: "quang-nam", name: "quang-nam", status: undefined, hasData: true }]);
  });

  it("add up to the country's totals", () => {
    const rows = provinceRows([item("an-giang"), item("quang-tri", { units: 5, proposals: {} })], tenants);
    expect(totalsOf(rows)).toMatchObject({
      provinces: 2,
      withData: 2,
      units: 15,
      blocs: 4,
      clusters: 2,
      proposals: 4,
      awards: 2,
      ballots: 6,
    });
    expect(totalsOf(rows).stages.closed).toBe(2);
    expect(totalsOf([])).toMatchObject({ provinces: 0, withData: 0, units: 0 });
  });
});

describe("how far a province has gone", () => {
  it("is the mean stage: 0 with nothing launched, 1 with every bloc closed", () => {
    const [row] = provinceRows([item("an-giang")], tenants.slice(0, 1));
    if (!row) throw new Error("a row");
    expect(progressOf({ stages: { ...row.stages, scoring: 0, closed: 0, planning: 3 } })).toBe(0);
    expect(progressOf({ stages: { ...row.stages, planning: 0, scoring: 0, closed: 2 } })).toBe(1);
    // planning (0), scoring (4 of 7), closed (7 of 7).
    expect(progressOf(row)).toBeCloseTo((0 + 4 / 7 + 1) / 3);
  });

  it("counts the members' duties out of five per member, at most all of them", () => {
    const duties = { registered: 8, signed: 8, reported: 4, submitted: 4, locked: 0 };
    expect(activityOf({ duties, memberUnits: 8 })).toBeCloseTo(24 / 40);
    expect(activityOf({ duties, memberUnits: 0 })).toBe(0);
    expect(activityOf({ duties, memberUnits: 1 })).toBe(1);
  });
});

describe("a bloc's stage", () => {
  it("is planning before launch, its phase while open, closed at the end", () => {
    expect(stageOf({ status: "planning" })).toBe("planning");
    expect(stageOf({ status: "open", phase: "scoring" })).toBe("scoring");
    expect(stageOf({ status: "open" })).toBe("registration");
    expect(stageOf({ status: "closed", phase: "closed" })).toBe("closed");
  });
});
