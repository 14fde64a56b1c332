import { compareVietnamese } from "@thidua/core/text";
import { describe, expect, it } from "vitest";
import { defaultFilter, filterQueue, sortQueue, statusCounts } from "./queue.ts";

const names: Record<string, string> = {
  bag: "Báo An Giang",
  btg: "Ban Tuyên giáo Tỉnh ủy",
  ubkt: "Ủy ban Kiểm tra Tỉnh ủy",
  vp: "Văn phòng Tỉnh ủy",
};
const name = (id: string) => names[id] ?? id;
const row = (unitId: string, status: "proposed" | "approved" | "returned", blocId = "dang", awardTypeId = "cert") => ({
  unitId,
  status,
  blocId,
  awardTypeId,
});
const rows = [
  row("bag", "proposed", "dang", "cert"),
  row("btg", "approved", "dang", "flag"),
  row("ubkt", "proposed", "dang", "cert"),
  row("vp", "returned", "hoi", "cert"),
];

describe("the board's queue", () => {
  it("shows what waits for a decision by default", () => {
    expect(filterQueue(rows, defaultFilter, name).map((r) => r.unitId)).toEqual(["bag", "ubkt"]);
  });

  it("finds a unit by its name without diacritics", () => {
    const found = filterQueue(rows, { ...defaultFilter, status: "all", search: "bao an giang" }, name);
    expect(found.map((r) => r.unitId)).toEqual(["bag"]);
    expect(filterQueue(rows, { ...defaultFilter, status: "all", search: "uy ban kiem" }, name)).toHaveLength(1);
    expect(filterQueue(rows, { ...defaultFilter, status: "all", search: "" }, name)).toHaveLength(4);
  });

  it("filters by bloc and award type", () => {
    const filter = { ...defaultFilter, status: "all" as const, blocId: "dang", awardTypeId: "cert" };
    expect(filterQueue(rows, filter, name).map((r) => r.unitId)).toEqual(["bag", "ubkt"]);
  });

  it("counts each status under the other filters", () => {
    expect(statusCounts(rows, defaultFilter, name)).toEqual({
      proposed: 2,
      withdrawn: 0,
      returned: 1,
      approved: 1,
      rejected: 0,
      all: 4,
    });
    const inBloc = statusCounts(rows, { ...defaultFilter, blocId: "hoi" }, name);
    expect([inBloc.proposed, inBloc.returned, inBloc.all]).toEqual([0, 1, 1]);
  });

  it("sorts by bloc, award type, then unit name", () => {
    const sorted = sortQueue(rows, {
      bloc: (a, b) => a.localeCompare(b),
      award: (a, b) => (a === b ? 0 : a === "flag" ? -1 : 1),
      unit: (a, b) => compareVietnamese(name(a), name(b)),
    });
    expect(sorted.map((r) => r.unitId)).toEqual(["btg", "bag", "ubkt", "vp"]);
  });
});
