import { describe, expect, it } from "vitest";
import { fieldChanges } from "./diff.ts";

describe("audit diff", () => {
  it("lists only the fields that changed, as dotted paths, without bookkeeping", () => {
    const before = { name: "Sở Nội vụ", discipline: { "2024": "Kỷ luật" }, version: 1, updatedAt: "a" };
    const after = {
      name: "Sở Nội vụ tỉnh",
      discipline: { "2024": "Kỷ luật", "2025": "Khiển trách" },
      version: 2,
      updatedAt: "b",
    };
    expect(fieldChanges(before, after)).toEqual([
      { path: "name", before: "Sở Nội vụ", after: "Sở Nội vụ tỉnh" },
      { path: "discipline.2025", before: undefined, after: "Khiển trách" },
    ]);
  });

  it("shows a cleared flag, but not an empty field that stayed empty", () => {
    expect(fieldChanges({ discipline: { "2024": "x" } }, { discipline: {} })).toEqual([
      { path: "discipline.2024", before: "x", after: undefined },
    ]);
    expect(fieldChanges(undefined, { name: "Báo An Giang", discipline: {} })).toEqual([
      { path: "name", before: undefined, after: "Báo An Giang" },
    ]);
  });

  it("keeps lists whole", () => {
    expect(fieldChanges({ memberUnitIds: ["a"] }, { memberUnitIds: ["a", "b"] })).toEqual([
      { path: "memberUnitIds", before: ["a"], after: ["a", "b"] },
    ]);
  });
});
