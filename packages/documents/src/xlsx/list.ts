import ExcelJS from "exceljs";
import { INTEGER, landscapeA4, pageFooter, put } from "./style.ts";

/*
 * A list sheet, as the registration list and the proposal list are: a centred banner, a header row
 * repeated on every printed page and frozen on screen, bordered rows, and count rows under the table
 * whose figures are formulas over its cells, so a list corrected by hand keeps its totals.
 */

export type CellStyle = Parameters<typeof put>[2];

export interface ListColumn {
  header: string;
  width: number;
}

export interface ListSheet {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  /** The first row of data. */
  first: number;
  /** `B5:B12`: a column over the data rows. */
  range: (column: string, rows: number) => string;
  /** Writes a data row (0-based `index`), each cell bordered. */
  row: (index: number, cells: [ExcelJS.CellValue, CellStyle][]) => void;
  /** Writes a count row under the data at `row`: a label over `labelColumns` columns, then the formula. */
  countRow: (row: number, label: string, formula: string, result: number) => void;
}

/** A 12 pt line, in points. */
const LINE_HEIGHT = 16;

/** The lines `text` wraps to in a column `width` characters wide (Excel's width counts characters, roughly). */
export const wrappedLines = (text: string, width: number) =>
  text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(1, width - 1))), 0);

/** A workbook of one list sheet: `banner` lines above the header row, the columns' headers and widths. */
export function listSheet({
  title,
  sheetName,
  banner,
  columns,
  countColumn,
}: {
  title: string;
  sheetName: string;
  banner: [string, CellStyle][];
  columns: readonly ListColumn[];
  /** The column (1-based) the count rows write their figure in; their label spans the ones before. */
  countColumn: number;
}): ListSheet {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "thidua";
  workbook.title = title;
  workbook.calcProperties.fullCalcOnLoad = true;
  const headerRow = banner.length + 2;
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { ...landscapeA4, printTitlesRow: `${headerRow}:${headerRow}` },
    views: [{ state: "frozen", ySplit: headerRow }],
    headerFooter: { oddFooter: pageFooter },
  });
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  banner.forEach(([text, style], i) => {
    sheet.mergeCells(i + 1, 1, i + 1, columns.length);
    put(sheet.getCell(i + 1, 1), text, { align: "center", ...style });
  });
  columns.forEach((c, i) => {
    put(sheet.getCell(headerRow, i + 1), c.header, { bold: true, align: "center", wrap: true, border: true });
  });
  const first = headerRow + 1;
  return {
    workbook,
    sheet,
    first,
    range: (column, rows) => `${column}${first}:${column}${first + Math.max(rows, 1) - 1}`,
    row: (index, cells) => {
      cells.forEach(([value, style], c) => {
        put(sheet.getCell(first + index, c + 1), value, { border: true, ...style });
      });
      // A row as tall as its wrapped text: Excel fits it on opening, other spreadsheets keep what is written.
      const lines = Math.max(
        1,
        ...cells.map(([value, style], c) =>
          style?.wrap && typeof value === "string" ? wrappedLines(value, columns[c]?.width ?? 10) : 1,
        ),
      );
      if (lines > 1) sheet.getRow(first + index).height = lines * LINE_HEIGHT;
    },
    countRow: (row, label, formula, result) => {
      sheet.mergeCells(row, 1, row, countColumn - 1);
      put(sheet.getCell(row, 1), label, { bold: true, border: true });
      put(
        sheet.getCell(row, countColumn),
        { formula, result },
        { bold: true, align: "center", border: true, numFmt: INTEGER },
      );
    },
  };
}

/** The .xlsx bytes of a workbook. */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
