import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { registrationInput } from "../demo/ninh-thuan.ts";
import { registrationXlsx } from "./registration.ts";

const wb = new ExcelJS.Workbook();
await wb.xlsx.load((await registrationXlsx(registrationInput)) as unknown as ArrayBuffer);
const ws = wb.worksheets[0];
if (!ws) throw new Error("No sheet");
const text = (row: number, col: number) => String(ws.getCell(row, col).value ?? "");

describe("the registration list", () => {
  it("is an A4 landscape sheet in Times New Roman, titled with the year and the bloc", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    expect(text(1, 1)).toBe("DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2023");
    expect(text(2, 1)).toBe("KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH");
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.font?.name).toBe("Times New Roman");
      }),
    );
  });

  it("lists every member in the bloc's order with its targets, their count, aims and who filed it when", () => {
    const { members } = registrationInput;
    members.forEach((m, i) => {
      const row = 5 + i;
      expect([text(row, 1), text(row, 2), text(row, 4), text(row, 6), text(row, 7)]).toEqual([
        String(i + 1),
        m.name,
        String(m.targets.length),
        m.filed.byName,
        `0${m.filed.date.day}/03/2023`,
      ]);
      expect(text(row, 3).split("\n")).toEqual(m.targets.map((t) => `- ${t}`));
      expect(text(row, 5)).toBe(m.aims.join("; "));
    });
  });

  it("counts members, targets and each aimed title with formulas over the table", () => {
    const end = 4 + registrationInput.members.length;
    const formulas: Record<string, { formula: string; result: number }> = {};
    for (let row = end + 1; row <= end + 3; row++)
      formulas[text(row, 1)] = ws.getCell(row, 4).value as { formula: string; result: number };
    expect(formulas).toEqual({
      "Số đơn vị đăng ký": { formula: `COUNTA(B5:B${end})`, result: 8 },
      "Tổng số chỉ tiêu": { formula: `SUM(D5:D${end})`, result: 16 },
      "Số đơn vị phấn đấu Bằng khen của Chủ tịch UBND tỉnh": {
        formula: `COUNTIF(E5:E${end},"*Bằng khen của Chủ tịch UBND tỉnh*")`,
        result: 3,
      },
    });
  });

  it("sets each row as tall as its wrapped text, for spreadsheets that do not fit it on opening", () => {
    // Two targets on two lines: at least two lines high; a row of one short line keeps the default.
    expect(ws.getRow(5).height).toBeGreaterThanOrEqual(32);
    expect(ws.getRow(1).height ?? 15).toBeLessThan(32);
  });
});
