import type ExcelJS from "exceljs";
import { forTheBloc } from "../content/bloc.ts";
import { countsByAward, type ProposalMemoInput } from "../content/proposal.ts";
import { upper } from "../letterhead.ts";
import { signatureBlock } from "./closing.ts";
import { listSheet, xlsxBytes } from "./list.ts";
import { INTEGER, POINTS } from "./style.ts";

/**
 * The list that goes with the proposal memo (danh sách đề nghị khen thưởng): each proposal with its vote,
 * the share of the ballots it won (a formula), the unit's total and rank, and the bloc's reasons; under it,
 * the number of proposals in all and per award, as formulas.
 */

const COLUMNS = [
  { header: "STT", width: 6 },
  { header: "Đơn vị", width: 32 },
  { header: "Hình thức khen thưởng", width: 32 },
  { header: "Số phiếu đồng ý", width: 10 },
  { header: "Số phiếu thu về", width: 10 },
  { header: "Tỷ lệ", width: 10 },
  { header: "Tổng điểm", width: 11 },
  { header: "Xếp hạng", width: 9 },
  { header: "Thành tích chủ yếu", width: 50 },
] as const;
const PERCENT = "0.0%";

/** The workbook of the proposal list. */
export function proposalsWorkbook(input: ProposalMemoInput): ExcelJS.Workbook {
  const { proposals } = input;
  const list = listSheet({
    title: `Danh sách đề nghị khen thưởng năm ${input.year} - ${input.bloc}`,
    sheetName: "Đề nghị khen thưởng",
    banner: [
      [`DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM ${input.year}`, { size: 14, bold: true }],
      [upper(input.bloc), { size: 13, bold: true }],
      ["(Kèm theo Tờ trình đề nghị khen thưởng của Khối)", { size: 12, italic: true }],
    ],
    columns: COLUMNS,
    countColumn: 4,
  });
  proposals.forEach((p, i) => {
    const row = list.first + i;
    list.row(i, [
      [i + 1, { align: "center", numFmt: INTEGER }],
      [p.unit, { wrap: true }],
      [p.award, { wrap: true }],
      [p.vote?.for ?? null, { align: "center", numFmt: INTEGER }],
      [p.vote?.of ?? null, { align: "center", numFmt: INTEGER }],
      // The share as a formula over the two cells before it, blank without a vote.
      [
        { formula: `IF(E${row}>0,D${row}/E${row},"")`, result: p.vote?.of ? p.vote.for / p.vote.of : "" },
        { align: "center", numFmt: PERCENT },
      ],
      [p.score?.total ?? null, { align: "center", numFmt: POINTS }],
      [p.score?.rank ?? null, { align: "center", numFmt: INTEGER }],
      [p.note ?? "", { wrap: true }],
    ]);
  });
  let row = list.first + proposals.length;
  list.countRow(row++, "Số tập thể được đề nghị", `COUNTA(${list.range("B", proposals.length)})`, proposals.length);
  for (const [award, n] of countsByAward(proposals))
    list.countRow(
      row++,
      `Đề nghị ${award}`,
      `COUNTIF(${list.range("C", proposals.length)},"${award.replaceAll('"', '""')}")`,
      n,
    );
  signatureBlock(list.sheet, row + 1, COLUMNS.length - 3, COLUMNS.length, {
    letterhead: input.letterhead,
    date: input.date,
    signer: forTheBloc(input.leader),
  });
  return list.workbook;
}

/** The proposal list as .xlsx bytes. */
export const proposalsXlsx = (input: ProposalMemoInput): Promise<Uint8Array> => xlsxBytes(proposalsWorkbook(input));
