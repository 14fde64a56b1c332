import { describe, expect, it } from "vitest";
import { figuresOf, yearsOfChange } from "./national.rules.ts";

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

  it("files a change under the item's own year, else the year of the change in Vietnam time and the one before", () => {
    const newYearInHanoi = Date.parse("2025-12-31T18:00:00Z"); // 01:00 on 1 January 2026 in Hà Nội
    expect(yearsOfChange(2024, newYearInHanoi)).toEqual([2024]);
    expect(yearsOfChange(undefined, newYearInHanoi)).toEqual([2025, 2026]);
    expect(yearsOfChange(undefined, Date.parse("2025-12-31T16:59:00Z"))).toEqual([2024, 2025]);
    expect(yearsOfChange(Number.NaN, newYearInHanoi)).toEqual([2025, 2026]);
  });
});
