import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { proposalInput } from "../demo/ninh-thuan.ts";
import { proposalsXlsx } from "./proposals.ts";

const wb = new ExcelJS.Workbook();
await wb.xlsx.load((await proposalsXlsx(proposalInput)) as unknown as ArrayBuffer);
const ws = wb.worksheets[0];
if (!ws) throw new Error("No sheet");
const value = (row: number, col: number) => ws.getCell(row, col).value;
const FIRST = 6;

describe("the proposal list", () => {
  it("is an A4 landscape sheet in Times New Roman, titled with the year and the bloc", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    expect(value(1, 1)).toBe("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023");
    expect(value(2, 1)).toBe("KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH");
    expect(value(FIRST - 1, 2)).toBe("Đơn vị");
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.font?.name).toBe("Times New Roman");
      }),
    );
  });

  it("lists each proposal with its votes, the share as a formula over them, its total and rank", () => {
    proposalInput.proposals.forEach((p, i) => {
      const row = FIRST + i;
      expect([value(row, 1), value(row, 2), value(row, 3), value(row, 4), value(row, 5)]).toEqual([
        i + 1,
        p.unit,
        p.award,
        p.vote?.for,
        p.vote?.of,
      ]);
      expect(value(row, 6)).toMatchObject({ formula: `IF(E${row}>0,D${row}/E${row},"")` });
      expect(ws.getCell(row, 6).numFmt).toBe("0.0%");
      expect([value(row, 7), value(row, 8), value(row, 9)]).toEqual([p.score?.total, p.score?.rank, p.note]);
    });
  });

  it("counts the proposals in all and per award with formulas over the table", () => {
    const end = FIRST + proposalInput.proposals.length - 1;
    expect([value(end + 1, 1), value(end + 1, 4)]).toEqual([
      "Số tập thể được đề nghị",
      { formula: `COUNTA(B${FIRST}:B${end})`, result: 2 },
    ]);
    expect([value(end + 2, 1), value(end + 2, 4)]).toEqual([
      "Đề nghị Bằng khen của Chủ tịch UBND tỉnh",
      { formula: `COUNTIF(C${FIRST}:C${end},"Bằng khen của Chủ tịch UBND tỉnh")`, result: 2 },
    ]);
  });

  it("is dated and signed for the bloc by its leader under the table", () => {
    const texts: string[] = [];
    ws.eachRow((row) => {
      texts.push(String(row.getCell(6).value ?? ""));
    });
    expect(texts).toContain("Ninh Thuận, ngày 02 tháng 12 năm 2023");
    expect(texts).toContain("KHỐI TRƯỞNG");
  });
});
