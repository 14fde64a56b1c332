import type ExcelJS from "exceljs";
import { ND30 } from "../nd30.ts";

/* How the product's sheets look: Times New Roman throughout, thin borders, points with two decimals. */

export const font = (size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
  name: ND30.font,
  size,
  ...extra,
});

const thin = { style: "thin" } as const;
export const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Points as numbers with two decimals: a number format, not text, so Excel keeps them as numbers and shows
 * the decimal separator of the reader's locale (a comma in Vietnamese).
 */
export const POINTS = "0.00";
export const INTEGER = "0";

/** ND30 has no rule for sheets: A4 landscape, fitted to one page wide, margins in inches as Excel counts them. */
export const landscapeA4: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** Page numbers in the footer, in the sheet's font. */
export const pageFooter = `&C&"${ND30.font},Regular"&11Trang &P/&N`;

/** Writes a value with the sheet's font (and optional alignment, border and number format). */
export function put(
  cell: ExcelJS.Cell,
  value: ExcelJS.CellValue,
  style: {
    size?: number;
    bold?: boolean;
    italic?: boolean;
    align?: "left" | "center" | "right";
    wrap?: boolean;
    border?: boolean;
    numFmt?: string;
  } = {},
) {
  cell.value = value;
  cell.font = font(style.size ?? 12, { bold: style.bold ?? false, italic: style.italic ?? false });
  cell.alignment = { horizontal: style.align ?? "left", vertical: "middle", wrapText: style.wrap ?? false };
  if (style.border) cell.border = allBorders;
  if (style.numFmt) cell.numFmt = style.numFmt;
}
