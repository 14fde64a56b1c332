import { describe, expect, it } from "vitest";
import { item, tenant } from "./national.fixture.ts";
import { provinceRows } from "./provinces.ts";
import { defaultSort, filterRows, nextSort, sortRows } from "./table.ts";

const rows = provinceRows(
  [
    item("an-giang", { units: 30 }),
    item("dak-lak", { units: 12, lastActivity: "2026-12-01T00:00:00.000Z" }),
    item("quang-tri", { units: 12, proposals: {} }),
  ],
  [
    tenant("quang-tri", "Quảng Trị"),
    tenant("dak-lak", "Đắk Lắk"),
    tenant("an-giang", "An Giang"),
    tenant("ha-noi", "Hà Nội", "suspended"),
  ],
);
const names = (sorted: { name: string }[]) => sorted.map((r) => r.name);

describe("sorting the provinces", () => {
  it("orders names the Vietnamese way (Đ after D, before H)", () => {
    expect(names(sortRows(rows, defaultSort))).toEqual(["An Giang", "Đắk Lắk", "Hà Nội", "Quảng Trị"]);
    expect(names(sortRows(rows, { key: "name", direction: "desc" }))).toEqual([
      "Quảng Trị",
      "Hà Nội",
      "Đắk Lắk",
      "An Giang",
    ]);
  });

  it("orders figures with ties by name", () => {
    expect(names(sortRows(rows, { key: "units", direction: "desc" }))).toEqual([
      "An Giang",
      "Đắk Lắk",
      "Quảng Trị",
      "Hà Nội",
    ]);
    expect(names(sortRows(rows, { key: "awards", direction: "asc" }))).toEqual([
      "Hà Nội",
      "Quảng Trị",
      "An Giang",
      "Đắk Lắk",
    ]);
  });

  it("puts a province without activity last whichever the direction", () => {
    for (const direction of ["asc", "desc"] as const)
      expect(names(sortRows(rows, { key: "lastActivity", direction })).at(-1)).toBe("Hà Nội");
    expect(names(sortRows(rows, { key: "lastActivity", direction: "desc" }))[0]).toBe("Đắk Lắk");
  });

  it("turns a column around on a second click; a new column starts with the largest figures", () => {
    expect(nextSort(defaultSort, "name")).toEqual({ key: "name", direction: "desc" });
    expect(nextSort(defaultSort, "awards")).toEqual({ key: "awards", direction: "desc" });
    expect(nextSort({ key: "awards", direction: "desc" }, "awards")).toEqual({ key: "awards", direction: "asc" });
  });
});

describe("filtering the provinces", () => {
  it("finds a name typed without diacritics, in any case, by words", () => {
    expect(names(filterRows(rows, "quang tri"))).toEqual(["Quảng Trị"]);
    expect(names(filterRows(rows, "DAK"))).toEqual(["Đắk Lắk"]);
    expect(names(filterRows(rows, "tri quang"))).toEqual(["Quảng Trị"]);
    expect(filterRows(rows, "  ")).toHaveLength(4);
    expect(filterRows(rows, "hue")).toEqual([]);
  });

  it("finds a province by its id too", () => {
    expect(names(filterRows(rows, "ha-noi"))).toEqual(["Hà Nội"]);
  });
});
