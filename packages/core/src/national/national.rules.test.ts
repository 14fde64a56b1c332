import { describe, expect, it } from "vitest";
import { figuresOf, yearsOfChange } from "./national.rules.ts";

const part = (done: number) => ({
  ...(done > 0 ? { registration: {} } : {}),
  ...(done > 1 ? { covenant: {} } : {}),
  ...(done > 2 ? { report: {} } : {}),
  ...(done > 3 ? { scores: { submitted: {} } } : {}),
  ...(done > 4 ? { verification: { locked: {} } } : {}),
});

describe("national figures", () => {
  it("counts a province's units, blocs and clusters, members and bloc-years by status for a year", () => {
    const figures = figuresOf(
      {
        units: [{ discipline: {} }, { discipline: { "2025": "Kỷ luật cán bộ" } }, { discipline: { "2024": "…" } }],
        blocs: [
          { blocId: "khoi-hoi", name: "Khối các Hội", kind: "bloc" },
          { blocId: "khoi-dang", name: "Khối Đảng", kind: "bloc" },
          { blocId: "cum-1", name: "Cụm số 1", kind: "cluster" },
          // Archived before this year: not counted.
          { blocId: "cu", name: "Khối cũ", kind: "bloc", archived: true },
        ],
        blocYears: [
          { blocId: "khoi-dang", status: "open", phase: "scoring", memberUnitIds: ["a", "b"] },
          { blocId: "cum-1", status: "closed", phase: "ranked", memberUnitIds: ["c"] },
        ],
        memberships: 2,
      },
      2025,
    );
    expect(figures).toMatchObject({
      units: 3,
      disciplinedUnits: 1,
      blocs: 2,
      clusters: 1,
      memberUnits: 2,
      // khoi-hoi has no year saved: it is still planning.
      blocYears: { planning: 1, open: 1, closed: 1 },
      phases: { registration: 0, scoring: 1, ranked: 0, closed: 1 },
      ballots: { open: 0, closed: 0 },
      proposals: {},
    });
    // Rows in Vietnamese order of names: "Cụm" before "Khối các" before "Khối Đảng".
    expect(figures.blocRows.map((r) => [r.blocId, r.status, r.phase, r.members])).toEqual([
      ["cum-1", "closed", "closed", 1],
      ["khoi-hoi", "planning", undefined, 0],
      ["khoi-dang", "open", "scoring", 2],
    ]);
  });

  it("adds up members' duties, ballots and proposals by award and status, per bloc and for the province", () => {
    const figures = figuresOf(
      {
        units: [],
        blocs: [
          { blocId: "a", name: "A", kind: "bloc" },
          { blocId: "b", name: "B", kind: "bloc" },
        ],
        blocYears: [
          { blocId: "a", status: "open", phase: "ranked", memberUnitIds: ["1", "2"] },
          { blocId: "b", status: "open", memberUnitIds: ["3"] },
        ],
        memberships: 3,
        parts: new Map([
          ["a", [part(5), part(3)]],
          ["b", [part(1)]],
        ]),
        ballots: [{ status: "closed" }, { status: "closed" }, { status: "open" }],
        proposals: [
          { blocId: "a", awardTypeId: "provincial-flag", status: "approved" },
          { blocId: "a", awardTypeId: "certificate-of-merit", status: "proposed" },
          { blocId: "a", awardTypeId: "certificate-of-merit", status: "withdrawn" },
          { blocId: "b", awardTypeId: "certificate-of-merit", status: "proposed" },
        ],
        lastActivity: "2025-11-02T03:04:05.000Z",
      },
      2025,
    );
    expect(figures.duties).toEqual({ registered: 3, signed: 2, reported: 2, submitted: 1, locked: 1 });
    expect(figures.phases).toMatchObject({ registration: 1, ranked: 1 });
    expect(figures.ballots).toEqual({ open: 1, closed: 2 });
    expect(figures.proposals).toEqual({
      "provincial-flag": { approved: 1 },
      "certificate-of-merit": { proposed: 2, withdrawn: 1 },
    });
    expect(figures.blocRows.map((r) => [r.blocId, r.proposals, r.approved, r.duties.registered])).toEqual([
      ["a", 2, 1, 2],
      ["b", 1, 0, 1],
    ]);
    expect(figures.lastActivity).toBe("2025-11-02T03:04:05.000Z");
  });

  it("files a change under the item's own year, else the year of the change in Vietnam time and the one before", () => {
    const newYearInHanoi = Date.parse("2025-12-31T18:00:00Z"); // 01:00 on 1 January 2026 in Hà Nội
    expect(yearsOfChange(2024, newYearInHanoi)).toEqual([2024]);
    expect(yearsOfChange(undefined, newYearInHanoi)).toEqual([2025, 2026]);
    expect(yearsOfChange(undefined, Date.parse("2025-12-31T16:59:00Z"))).toEqual([2024, 2025]);
    expect(yearsOfChange(Number.NaN, newYearInHanoi)).toEqual([2025, 2026]);
  });
});
