import type ExcelJS from "exceljs";
import { type DocumentDate, formatDate, upper } from "../letterhead.ts";
import { type SheetClosing, signatureBlock } from "./closing.ts";
import { listSheet, xlsxBytes } from "./list.ts";
import { INTEGER } from "./style.ts";

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
  const { members } = input;
  const list = listSheet({
    title: `Danh sách đăng ký thi đua năm ${input.year} - ${input.bloc}`,
    sheetName: "Đăng ký thi đua",
    banner: [
      [`DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM ${input.year}`, { size: 14, bold: true }],
      [upper(input.bloc), { size: 13, bold: true }],
    ],
    columns: COLUMNS,
    countColumn: 4,
  });
  members.forEach((m, i) => {
    list.row(i, [
      [i + 1, { align: "center", numFmt: INTEGER }],
      [m.name, { wrap: true }],
      [m.targets.map((t) => `- ${t}`).join("\n"), { wrap: true }],
      [m.targets.length, { align: "center", numFmt: INTEGER }],
      [m.aims.join("; "), { wrap: true }],
      [m.filed.byName, { wrap: true }],
      [formatDate(m.filed.date), { align: "center" }],
    ]);
  });

  // The counts, as formulas: members, targets, and members aiming for each title named in the list.
  let row = list.first + members.length;
  list.countRow(row++, "Số đơn vị đăng ký", `COUNTA(${list.range("B", members.length)})`, members.length);
  list.countRow(
    row++,
    "Tổng số chỉ tiêu",
    `SUM(${list.range("D", members.length)})`,
    members.reduce((n, m) => n + m.targets.length, 0),
  );
  const titles = [...new Set(members.flatMap((m) => m.aims))];
  for (const title of titles)
    list.countRow(
      row++,
      `Số đơn vị phấn đấu ${title}`,
      `COUNTIF(${list.range("E", members.length)},"*${title.replaceAll('"', '""')}*")`,
      // As the formula counts: a cell naming the title (a longer title that contains it counts too).
      members.filter((m) => m.aims.join("; ").includes(title)).length,
    );

  if (input.closing) signatureBlock(list.sheet, row + 1, COLUMNS.length - 2, COLUMNS.length, input.closing);
  return list.workbook;
}

/** The registration list as .xlsx bytes. */
export const registrationXlsx = (input: RegistrationListInput): Promise<Uint8Array> =>
  xlsxBytes(registrationWorkbook(input));
