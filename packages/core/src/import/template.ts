import type ExcelJS from "exceljs";
import { unitKinds } from "../unit/unit.rules.ts";
import { excel } from "./excel.ts";
import { importColumns, kindLabels, MAX_IMPORT_ROWS } from "./import.rules.ts";

/** `Worksheet.dataValidations` exists in exceljs 4.4 but is missing from its types. */
type ValidationsOf = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const TEMPLATE_FILE_NAME = "mau-nhap-don-vi.xlsx";

const KINDS_SHEET = "Loại đơn vị";
const BLOCS_SHEET = "Khối, cụm";

const notes: Record<(typeof importColumns)[number]["key"], string> = {
  name: "Bắt buộc. Tên đầy đủ của đơn vị; không trùng với đơn vị đã có.",
  shortName: "Không bắt buộc. Tối đa 60 ký tự.",
  kind: `Bắt buộc. Một giá trị trong trang "${KINDS_SHEET}" (gõ có dấu hoặc không dấu đều được).`,
  bloc: "Không bắt buộc. Tên hoặc mã của khối, cụm thi đua đã có; đơn vị được xếp vào khối, cụm này cho năm nhập.",
};

/**
 * The sheet the board fills in: the header row with notes, two example rows to
 * overwrite, a second sheet listing the accepted "Loại" values, and, when the
 * province has blocs, a third listing them (both feed drop-down lists).
 */
export async function buildTemplate(blocNames: readonly string[] = []): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = "thidua";
  const sheet = workbook.addWorksheet("Đơn vị", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({ header: c.header, key: c.key, width: c.key === "name" ? 44 : 26 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  importColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = notes[c.key];
    if (c.required) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  });
  sheet.addRow({ name: "Xã Tân Hội", shortName: "", kind: "Xã, phường, thị trấn", bloc: blocNames[0] ?? "" });
  sheet.addRow({ name: "Hội Nông dân tỉnh", shortName: "HND", kind: "Mặt trận, đoàn thể", bloc: "" });

  const kinds = workbook.addWorksheet(KINDS_SHEET);
  kinds.columns = [
    { header: "Loại", key: "label", width: 28 },
    { header: "Mã", key: "code", width: 20 },
    { header: "Cách ghi khác cũng được nhận", key: "aliases", width: 60 },
  ];
  kinds.getRow(1).font = { bold: true };
  for (const code of unitKinds) {
    const [label = code, ...aliases] = kindLabels[code];
    kinds.addRow({ label, code, aliases: aliases.join("; ") });
  }

  // One validation per column range: exceljs's per-cell validations are re-merged into overlapping ranges.
  const { dataValidations } = sheet as unknown as ValidationsOf;
  const last = MAX_IMPORT_ROWS + 1;
  const list = (source: string): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: [source],
    showErrorMessage: false,
  });
  dataValidations.add(`C2:C${last}`, list(`'${KINDS_SHEET}'!$A$2:$A$${unitKinds.length + 1}`));
  if (blocNames.length > 0) {
    const blocs = workbook.addWorksheet(BLOCS_SHEET);
    blocs.columns = [{ header: "Khối, cụm thi đua", key: "name", width: 50 }];
    blocs.getRow(1).font = { bold: true };
    for (const name of blocNames) blocs.addRow({ name });
    dataValidations.add(`D2:D${last}`, list(`'${BLOCS_SHEET}'!$A$2:$A$${blocNames.length + 1}`));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
