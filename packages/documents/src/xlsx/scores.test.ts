import type { CriteriaTable } from "@thidua/core/criteria/rules";
import { tableLines, totalsOf } from "@thidua/core/score/rules";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { scoreInput } from "../demo/ninh-thuan.ts";
import { upper } from "../letterhead.ts";
import { evaluateCell } from "../testing/formulas.ts";
import { type ScoreTableInput, scoresXlsx } from "./scores.ts";

async function reload(input: ScoreTableInput) {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer; in Node it reads a Node Buffer.
  await wb.xlsx.load(Buffer.from(await scoresXlsx(input)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Tổng hợp điểm");
  if (!ws) throw new Error("No score sheet");
  /** The row whose column A (a line id) or B (a title) reads `text`. */
  const rowOf = (text: string) => {
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(1).value === text || row.getCell(2).value === text) return r;
    }
    throw new Error(`No row ${text}`);
  };
  const fixed = ws.getCell(5, 4).value === "Hệ số" ? 4 : 3;
  const cell = (row: number, unitIndex: number) => ws.getCell(row, fixed + 1 + unitIndex);
  const value = (row: number, unitIndex: number) => evaluateCell(ws, cell(row, unitIndex).address);
  return { wb, ws, rowOf, cell, value, fixed };
}

const productTotals = (input: ScoreTableInput) =>
  input.units.map((u) => totalsOf(tableLines(input.table), (id) => input.points[u.unitId]?.[id], input.allowNegative));

const demo = await reload(scoreInput);

describe("the score table", () => {
  it("is laid out on A4 landscape, one page wide, with the header row repeated and panes frozen", () => {
    const { ws } = demo;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "5:5",
    });
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 4, ySplit: 5 });
  });

  it("titles the bloc and year, and heads the columns with the units in ranking order", () => {
    const { ws, fixed } = demo;
    expect(ws.getCell("A1").value).toBe("BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023");
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(ws.getCell("A2").value).toBe("KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH");
    const heads = scoreInput.units.map((_, i) => ws.getCell(5, fixed + 1 + i).value);
    expect(heads).toEqual(scoreInput.units.map((u) => u.name));
  });

  it("writes every cell in Times New Roman", () => {
    let cells = 0;
    demo.ws.eachRow((row) => {
      row.eachCell((c) => {
        if (c.value === null || c.value === "") return;
        cells++;
        expect(c.font?.name, c.address).toBe("Times New Roman");
      });
    });
    expect(cells).toBeGreaterThan(150);
  });

  it("holds each verified point as a number with two decimals", () => {
    const { rowOf, cell } = demo;
    for (const line of tableLines(scoreInput.table)) {
      const row = rowOf(line.id);
      scoreInput.units.forEach((u, i) => {
        const c = cell(row, i);
        expect(c.value).toBe(scoreInput.points[u.unitId]?.[line.id] ?? 0);
        expect(c.numFmt).toBe("0.00");
      });
    }
  });

  it("computes the subtotals and totals with formulas that give the product's totals", () => {
    const { rowOf, cell, value } = demo;
    const totals = productTotals(scoreInput);
    const rows = {
      criteria: rowOf("CỘNG ĐIỂM CÁC TIÊU CHÍ"),
      bonus: rowOf("ĐIỂM THƯỞNG"),
      penalties: rowOf("ĐIỂM TRỪ"),
      total: rowOf("TỔNG ĐIỂM"),
    };
    scoreInput.units.forEach((u, i) => {
      const t = totals[i];
      for (const row of Object.values(rows)) {
        expect(cell(row, i).formula, `${u.name} row ${row}`).toBeTruthy();
        expect(cell(row, i).numFmt).toBe("0.00");
      }
      expect(value(rows.criteria, i)).toBe(t?.criteria);
      expect(value(rows.bonus, i)).toBe(t?.bonus);
      expect(value(rows.penalties, i)).toBe(t?.penalties);
      expect(value(rows.total, i)).toBe(t?.total);
      for (const g of scoreInput.table.groups) {
        const row = rowOf(upper(g.title));
        expect(cell(row, i).formula).toBeTruthy();
        expect(value(row, i)).toBe(t?.groups[g.id]);
      }
    });
    // The weighted line (3.2, out of 5, counts twice) is summed by its weight.
    expect(cell(rowOf(upper(scoreInput.table.groups[2]?.title ?? "")), 0).formula).toMatch(/^SUMPRODUCT\(\$D/);
    expect(cell(rows.total, 0).formula).toMatch(/^MAX\(0,/);
  });

  it("writes the product's ranks, which follow the totals", () => {
    const { rowOf, cell, value } = demo;
    const total = rowOf("TỔNG ĐIỂM");
    const ranks = scoreInput.units.map((_, i) => cell(rowOf("XẾP HẠNG"), i).value);
    expect(ranks).toEqual(scoreInput.units.map((u) => u.rank));
    const totals = scoreInput.units.map((_, i) => value(total, i));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it("keeps the totals live: a corrected point changes them", () => {
    const { ws, rowOf, cell, value } = demo;
    const before = value(rowOf("TỔNG ĐIỂM"), 1);
    const c = cell(rowOf("1.1"), 1);
    const was = c.value as number;
    c.value = was - 2.5;
    expect(value(rowOf("TỔNG ĐIỂM"), 1)).toBe(before - 2.5);
    c.value = was;
    expect(ws.getCell(c.address).value).toBe(was);
  });

  it("signs under the table with the place and date", () => {
    const { ws } = demo;
    const texts: string[] = [];
    ws.eachRow((row) => {
      row.eachCell((c) => {
        if (typeof c.value === "string") texts.push(c.value);
      });
    });
    expect(texts).toContain("Ninh Thuận, ngày 01 tháng 12 năm 2023");
    expect(texts).toContain("KHỐI TRƯỞNG");
    expect(texts).toContain("Nguyễn Thị Hồng");
  });
});

describe("the score table's edge cases", () => {
  const plain: CriteriaTable = {
    groups: [
      {
        id: "1",
        title: "Nhiệm vụ chuyên môn",
        items: [
          { id: "1.1", title: "Chỉ tiêu năm", maxPoints: 60, evidenceRequired: false },
          { id: "1.2", title: "Nhiệm vụ đột xuất", maxPoints: 40, evidenceRequired: false },
        ],
      },
    ],
    bonus: [],
    penalties: [{ id: "p1", title: "Vi phạm kỷ luật", maxPoints: 50 }],
  };
  const input = (allowNegative: boolean): ScoreTableInput => ({
    bloc: "Cụm thi đua các xã, phường",
    year: 2025,
    table: plain,
    units: [
      { unitId: "a", name: "Phường Phủ Hà", rank: 1 },
      { unitId: "b", name: "Xã Phước Hậu", rank: null },
    ],
    // Unit b has no points for 1.2: it counts 0, as in the ranking.
    points: { a: { "1.1": 55.25, "1.2": 38.5 }, b: { "1.1": 10, p1: 30 } },
    allowNegative,
  });

  it("sums an unweighted table without a weight column, and leaves out an empty section", async () => {
    const { ws, rowOf, cell, fixed } = await reload(input(false));
    expect(fixed).toBe(3);
    expect(ws.views[0]).toMatchObject({ xSplit: 3 });
    expect(cell(rowOf("NHIỆM VỤ CHUYÊN MÔN"), 0).formula).toMatch(/^SUM\(D\d+:D\d+\)$/);
    expect(() => rowOf("ĐIỂM THƯỞNG")).toThrow();
    expect(cell(rowOf("1.2"), 1).value).toBe(0);
  });

  it("floors a total at zero unless the rules allow a negative one, as the product does", async () => {
    for (const allowNegative of [false, true]) {
      const sheet = await reload(input(allowNegative));
      const totals = productTotals(input(allowNegative));
      const total = sheet.rowOf("TỔNG ĐIỂM");
      expect(sheet.value(total, 0)).toBe(totals[0]?.total);
      expect(sheet.value(total, 1)).toBe(totals[1]?.total);
      expect(sheet.value(total, 1)).toBe(allowNegative ? -20 : 0);
    }
  });

  it("marks a unit that takes no rank", async () => {
    const { rowOf, cell } = await reload(input(false));
    expect(cell(rowOf("XẾP HẠNG"), 1).value).toBe("Không xếp hạng");
  });
});
