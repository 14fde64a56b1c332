import type ExcelJS from "exceljs";
import { formatNumber, formatPoints } from "../letterhead.ts";
import { ND30 } from "../nd30.ts";
import { escapeHtml } from "./escape.ts";

/**
 * The HTML preview of a sheet: the same workbook the Excel file is written from, drawn as a table with its
 * merges, column widths, emphasis, alignment and borders, and each formula shown with its result, in the
 * Vietnamese way (decimal comma). One self-contained page, for an iframe's `srcdoc`.
 */

/** The width of the dashboard's preview frame, in CSS pixels. */
const PREVIEW_WIDTH = 940;

const css = `
body { margin: 0; background: #e5e5e5; }
.sheet { box-sizing: border-box; width: max-content; margin: 8mm auto; padding: 10mm; background: #fff;
  color: #000; font-family: "${ND30.font}", Times, serif; }
.sheet table { border-collapse: collapse; table-layout: fixed; }
.sheet td { padding: 2pt 4pt; vertical-align: middle; white-space: pre-line; overflow-wrap: anywhere; }
.sheet td.border { border: 1px solid #000; }
`;

/** A cell's value as Excel would show it with its number format: "95,50", "87,5%", "12". */
function shown(cell: ExcelJS.Cell): string {
  const raw = cell.value;
  const value = raw !== null && typeof raw === "object" && "formula" in raw ? raw.result : raw;
  if (typeof value === "number") {
    if (cell.numFmt === "0.00") return formatPoints(value);
    if (cell.numFmt?.endsWith("%")) return `${formatNumber(value * 100, 1, true)}%`;
    return formatNumber(value, 2);
  }
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return String(value);
}

/** "B3:D3" → its corners, 1-based. */
function rangeOf(range: string) {
  const corner = (ref: string) => {
    const m = ref.match(/^([A-Z]+)(\d+)$/);
    const col = [...(m?.[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m?.[2]), col };
  };
  const [from = "", to = from] = range.split(":");
  return { top: corner(from), bottom: corner(to) };
}

/** A sheet as a self-contained HTML page titled `title`. */
export function sheetHtml(ws: ExcelJS.Worksheet, title: string): string {
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const { top, bottom } = rangeOf(range);
    spans.set(`${top.row}:${top.col}`, { rows: bottom.row - top.row + 1, cols: bottom.col - top.col + 1 });
    for (let r = top.row; r <= bottom.row; r++)
      for (let c = top.col; c <= bottom.col; c++) if (r !== top.row || c !== top.col) covered.add(`${r}:${c}`);
  }
  const columns = ws.columnCount;
  const widths = Array.from({ length: columns }, (_, i) => ws.getColumn(i + 1).width ?? 10);
  const rows: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = ws.getCell(r, c);
      const span = spans.get(`${r}:${c}`);
      const style = [
        `text-align:${cell.alignment?.horizontal ?? "left"}`,
        cell.font?.bold ? "font-weight:bold" : "",
        cell.font?.italic ? "font-style:italic" : "",
        `font-size:${cell.font?.size ?? 12}pt`,
      ].filter(Boolean);
      const attributes = [
        span && span.cols > 1 ? ` colspan="${span.cols}"` : "",
        span && span.rows > 1 ? ` rowspan="${span.rows}"` : "",
        cell.border?.top ? ' class="border"' : "",
      ].join("");
      cells.push(`<td${attributes} style="${style.join(";")}">${escapeHtml(shown(cell))}</td>`);
    }
    rows.push(`<tr>${cells.join("")}</tr>`);
  }
  // Excel's column width counts characters of the default font: about 7 px each.
  const pixels = widths.map((w) => Math.round(w * 7 + 10));
  const cols = pixels.map((px) => `<col style="width:${px}px">`).join("");
  // Scaled to fit the dashboard's preview (about 940 px wide) when it can be read so; wider, it scrolls.
  const zoom = Math.max(0.7, Math.min(1, PREVIEW_WIDTH / (pixels.reduce((a, b) => a + b, 0) + 80)));
  return [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    `<style>${css}</style></head><body><article class="sheet" tabindex="0" style="zoom:${zoom.toFixed(2)}">`,
    `<table><colgroup>${cols}</colgroup><tbody>${rows.join("")}</tbody></table>`,
    "</article></body></html>",
  ].join("");
}
