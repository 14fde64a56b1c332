import type { ExportTable } from "./exportRows.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel knows no time zones: a date is written as the wall-clock time the reader sees on screen. */
const wallClock = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000);

/**
 * The table as an .xlsx workbook of one sheet: bold headers, the first column and the header row frozen,
 * widths fitted to the text. exceljs is large, so it loads only when someone exports.
 */
export async function xlsxOf(sheetName: string, table: ExportTable): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "thidua";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => (cell instanceof Date ? wallClock(cell) : cell)));
  table.columns.forEach((column, index) => {
    const width = Math.max(
      table.headers[index]?.length ?? 0,
      ...table.rows.map((row) => String(row[index] ?? "").length),
    );
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(40, Math.max(8, width + 2));
    if (column === "lastActivity") {
      sheetColumn.numFmt = "dd/mm/yyyy hh:mm";
      sheetColumn.width = 18;
    }
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_TYPE });
}
