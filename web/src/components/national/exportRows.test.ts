import { describe, expect, it } from "vitest";
import { exportTable } from "./exportRows.ts";
import { item, tenant } from "./national.fixture.ts";
import { provinceRows } from "./provinces.ts";

const rows = provinceRows([item("an-giang")], [tenant("an-giang", "An Giang"), tenant("quang-tri", "Quảng Trị")]);
const header = (column: string) => `[${column}]`;

describe("the provinces sheet", () => {
  it("has one row per province, figures as numbers and the last activity as a date", () => {
    const table = exportTable(rows, { header });
    expect(table.headers.slice(0, 4)).toEqual(["[name]", "[tenantId]", "[units]", "[memberUnits]"]);
    expect(table.columns).not.toContain("status");
    expect(table.rows).toHaveLength(2);
    const [anGiang, quangTri] = table.rows;
    const cell = (row: typeof anGiang, column: string) => row?.[table.columns.indexOf(column as never)];
    expect(cell(anGiang, "name")).toBe("An Giang");
    expect(cell(anGiang, "units")).toBe(10);
    expect(cell(anGiang, "scoring")).toBe(1);
    expect(cell(anGiang, "submitted")).toBe(4);
    expect(cell(anGiang, "proposals")).toBe(4);
    expect(cell(anGiang, "awards")).toBe(2);
    expect(cell(anGiang, "lastActivity")).toEqual(new Date("2026-11-20T03:00:00.000Z"));
    // No figures that year: zeros, no date.
    expect(cell(quangTri, "units")).toBe(0);
    expect(cell(quangTri, "lastActivity")).toBeNull();
    for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
  });

  it("has the provinces' status for the operator", () => {
    const table = exportTable(rows, { header, status: (s) => `status:${s}` });
    expect(table.columns[2]).toBe("status");
    expect(table.rows[0]?.[2]).toBe("status:active");
  });
});
