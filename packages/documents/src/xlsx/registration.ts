import ExcelJS from "exceljs";
import { type DocumentDate, formatDate, upper } from "../letterhead.ts";
import { type SheetClosing, signatureBlock } from "./closing.ts";
import { INTEGER, landscapeA4, pageFooter, put } from "./style.ts";

/**
 * The registration list (danh sách đăng ký thi đua) of a bloc-year: each member's targets and the titles it
 * aims for, who filed it and when. The counts under the table are formulas over its cells, so a list
 * corrected by hand keeps its totals.
 */

export interface RegistrationRow {
  name: string;
  targets: readonly string[];
  /** Titles and awards aimed for, by name. */
  aims: readonly string[];
  filed: { byName: string; date: DocumentDate };
}

export interface RegistrationListInput {
  bloc: string;
  year: number;
  /** The members in the bloc's order. */
  members: readonly RegistrationRow[];
  closing?: SheetClosing;
}

const HEADER_ROW = 4;
const COLUMNS = [
  { header: "STT", width: 6 },
  { header: "Đơn vị", width: 32 },
  { header: "Chỉ tiêu đăng ký", width: 60 },
  { header: "Số chỉ tiêu", width: 10 },
  { header: "Danh hiệu phấn đấu", width: 32 },
  { header: "Người đăng ký", width: 24 },
  { header: "Ngày đăng ký", width: 14 },
] as const;

/** The workbook of the registration list. */
export function registrationWorkbook(input: RegistrationListInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "thidua";
  wb.title = `Danh sách đăng ký thi đua năm ${input.year} - ${input.bloc}`;
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet("Đăng ký thi đua", {
    pageSetup: { ...landscapeA4, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
    headerFooter: { oddFooter: pageFooter },
  });
  const last = COLUMNS.length;
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const banner = (row: number, text: string, style: Parameters<typeof put>[2]) => {
    ws.mergeCells(row, 1, row, last);
    put(ws.getCell(row, 1), text, { align: "center", ...style });
  };
  banner(1, `DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM ${input.year}`, { size: 14, bold: true });
  banner(2, upper(input.bloc), { size: 13, bold: true });
  COLUMNS.forEach((c, i) => {
    put(ws.getCell(HEADER_ROW, i + 1), c.header, { bold: true, align: "center", wrap: true, border: true });
  });

  const first = HEADER_ROW + 1;
  input.members.forEach((m, i) => {
    const row = first + i;
    const cells: [ExcelJS.CellValue, Parameters<typeof put>[2]][] = [
      [i + 1, { align: "center", numFmt: INTEGER }],
      [m.name, { wrap: true }],
      [m.targets.map((t) => `- ${t}`).join("\n"), { wrap: true }],
      [m.targets.length, { align: "center", numFmt: INTEGER }],
      [m.aims.join("; "), { wrap: true }],
      [m.filed.byName, { wrap: true }],
      [formatDate(m.filed.date), { align: "center" }],
    ];
    cells.forEach(([value, style], c) => {
      put(ws.getCell(row, c + 1), value, { border: true, ...style });
    });
  });
  const end = first + input.members.length - 1;
  const range = (col: string) => `${col}${first}:${col}${Math.max(end, first)}`;

  // The counts, as formulas: members, targets, and members aiming for each title named in the list.
  let row = end + 1;
  const countRow = (label: string, formula: string, result: number) => {
    ws.mergeCells(row, 1, row, 3);
    put(ws.getCell(row, 1), label, { bold: true, border: true });
    put(ws.getCell(row, 4), { formula, result }, { bold: true, align: "center", border: true, numFmt: INTEGER });
    row++;
  };
  countRow("Số đơn vị đăng ký", `COUNTA(${range("B")})`, input.members.length);
  countRow(
    "Tổng số chỉ tiêu",
    `SUM(${range("D")})`,
    input.members.reduce((n, m) => n + m.targets.length, 0),
  );
  const titles = [...new Set(input.members.flatMap((m) => m.aims))];
  for (const title of titles)
    countRow(
      `Số đơn vị phấn đấu ${title}`,
      `COUNTIF(${range("E")},"*${title.replaceAll('"', '""')}*")`,
      // As the formula counts: a cell naming the title (a longer title that contains it counts too).
      input.members.filter((m) => m.aims.join("; ").includes(title)).length,
    );

  if (input.closing) signatureBlock(ws, row + 1, last - 2, last, input.closing);
  return wb;
}

/** The registration list as .xlsx bytes. */
export async function registrationXlsx(input: RegistrationListInput): Promise<Uint8Array> {
  return Buffer.from(await registrationWorkbook(input).xlsx.writeBuffer());
}
