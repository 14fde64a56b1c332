import type ExcelJS from "exceljs";
import { invalid } from "../error.ts";
import { excel } from "./excel.ts";
import { type ImportColumn, matchHeaders, type SheetRow } from "./import.rules.ts";

/** The most bytes the workbook's parts may inflate to; a small upload must not expand into gigabytes. */
const MAX_INFLATED_BYTES = 80 * 1024 * 1024;
/** Worksheet parts the import never reads. */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst"];
/** How far down the first sheet the header row may be (a title or a blank line above it is common). */
const HEADER_SEARCH_ROWS = 10;

const unreadable = (message: string) =>
  invalid("import.unreadable", message, [{ path: "file", message: "import.unreadable" }]);

/** The file's bytes from base64, with or without a `data:…;base64,` prefix. */
export function decodeFile(base64: string): Buffer {
  return Buffer.from(base64.replace(/^data:[^,]*;base64,/, ""), "base64");
}

/**
 * The sum of the sizes a zip's entries declare once inflated, read from its
 * central directory; undefined when the bytes are not a zip.
 */
export function inflatedSize(zip: Buffer): number | undefined {
  const EOCD = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ENTRY) return undefined;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any sheet of units
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** A cell's value as the text a user sees, whatever Excel stored (rich text, link, formula result, number, date). */
export function cellText(value: ExcelJS.CellValue | unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => cellText(part.text)).join("");
    if ("hyperlink" in v) return cellText(v.text);
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result);
    if ("error" in v) return ""; // #N/A and friends: read as empty, so a required cell is reported
  }
  return "";
}

/** A worksheet row's cells as text, by column number. */
function rowCells(row: ExcelJS.Row): { col: number; text: string }[] {
  const cells: { col: number; text: string }[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    cells.push({ col, text: cellText(cell.value) });
  });
  return cells;
}

/**
 * Reads the first worksheet: finds the header row among the first rows, maps
 * the known columns, and returns every non-empty data row with the row
 * number Excel shows. Throws `import.unreadable` for anything that is not a
 * workbook, `import.missing_columns` when a required header is absent.
 */
export async function readSheet(file: Buffer): Promise<SheetRow[]> {
  const size = inflatedSize(file);
  if (size === undefined) throw unreadable("The file is not an .xlsx workbook");
  if (size > MAX_INFLATED_BYTES) throw unreadable("The workbook is too large once unpacked");
  const workbook = new (await excel()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like; in Node it reads a Buffer. Validations are skipped:
    // exceljs expands their ranges cell by cell, and a whole-column list (common in official sheets)
    // costs seconds and hundreds of MB to read for nothing the import needs.
    await workbook.xlsx.load(file as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw unreadable("The file is not a readable .xlsx workbook");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable("The workbook has no worksheet");

  let header: { row: number; columns: Partial<Record<ImportColumn, number>> } | undefined;
  let firstMissing: ImportColumn[] | undefined;
  let seen = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (header || seen >= HEADER_SEARCH_ROWS) return;
    seen++;
    const { columns, missing } = matchHeaders(rowCells(row));
    if (missing.length === 0) header = { row: rowNumber, columns };
    else firstMissing ??= missing;
  });
  if (!header) {
    const missing = firstMissing ?? ["name", "kind"];
    throw invalid(
      "import.missing_columns",
      `Missing columns: ${missing.join(", ")}`,
      missing.map((key) => ({ path: `columns.${key}`, message: "import.missing_columns" })),
    );
  }

  const { row: headerRow, columns } = header;
  const text = (row: ExcelJS.Row, key: ImportColumn) => {
    const col = columns[key];
    return col === undefined ? "" : cellText(row.getCell(col).value);
  };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const r = {
      row: rowNumber,
      name: text(row, "name"),
      shortName: text(row, "shortName"),
      kind: text(row, "kind"),
      bloc: text(row, "bloc"),
    };
    if ([r.name, r.shortName, r.kind, r.bloc].some((t) => t.trim() !== "")) rows.push(r);
  });
  return rows;
}
