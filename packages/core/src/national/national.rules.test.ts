import { describe, expect, it } from "vitest";
import { figuresOf, yearOfChange } from "./national.rules.ts";

describe("national figures", () => {
  it("counts a province's units, blocs and clusters, members and bloc-years by status for a year", () => {
    const figures = figuresOf(
      {
        units: [{ discipline: {} }, { discipline: { "2025": "Kỷ luật cán bộ" } }, { discipline: { "2024": "…" } }],
        blocs: [
          { blocId: "khoi-dang", kind: "bloc" },
          { blocId: "khoi-hoi", kind: "bloc" },
          { blocId: "cum-1", kind: "cluster" },
        ],
        blocYears: [
          { blocId: "khoi-dang", status: "open" },
          { blocId: "cum-1", status: "closed" },
        ],
        memberships: 2,
      },
      2025,
    );
    expect(figures).toEqual({
      units: 3,
      disciplinedUnits: 1,
      blocs: 2,
      clusters: 1,
      memberUnits: 2,
      // khoi-hoi has no year saved: it is still planning.
      blocYears: { planning: 1, open: 1, closed: 1 },
    });
  });

  it("files a change under the item's own year, else the year of the change in Vietnam time", () => {
    const newYearInHanoi = Date.parse("2025-12-31T18:00:00Z"); // 01:00 on 1 January 2026 in Hà Nội
    expect(yearOfChange(2024, newYearInHanoi)).toBe(2024);
    expect(yearOfChange(undefined, newYearInHanoi)).toBe(2026);
    expect(yearOfChange(undefined, Date.parse("2025-12-31T16:59:00Z"))).toBe(2025);
    expect(yearOfChange(Number.NaN, newYearInHanoi)).toBe(2026);
  });
});
