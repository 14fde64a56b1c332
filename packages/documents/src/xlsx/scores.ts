import { bonusTotal, type CriteriaTable, groupTotal, tableTotal } from "@thidua/core/criteria/rules";
import { type Totals, tableLines, totalsOf } from "@thidua/core/score/rules";
import ExcelJS from "exceljs";
import { roman } from "../content/model.ts";
import { upper } from "../letterhead.ts";
import { type SheetClosing, signatureBlock } from "./closing.ts";
import { INTEGER, landscapeA4, POINTS, pageFooter, put } from "./style.ts";

/**
 * The score table (bảng tổng hợp điểm) of a bloc-year: criteria down, units across in ranking order, the
 * verified points in the cells. Every subtotal and total is an Excel formula over those cells, computed as
 * the product ranks (criteria weighted, plus bonus, minus penalties, not below zero unless the rules allow),
 * so an official who corrects a point sees the totals follow. The rank row is the product's ranking, with
 * its tie-breaks, written as values.
 */

export interface ScoreUnit {
  unitId: string;
  name: string;
  /** The product's rank; null for a unit that takes none (discipline). */
  rank: number | null;
}

export interface ScoreTableInput {
  /** "Khối thi đua các cơ quan Đảng tỉnh". */
  bloc: string;
  year: number;
  /** The table the year opened with. */
  table: CriteriaTable;
  /** The columns: units in ranking order. */
  units: readonly ScoreUnit[];
  /** Verified points by unit, then line id; a line without points counts 0, as in the ranking. */
  points: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The rules' scale: whether a total may fall below zero. */
  allowNegative: boolean;
  /** The place, date and signature under the table. */
  closing?: SheetClosing;
}

const SHEET = "Tổng hợp điểm";
const HEADER_ROW = 5;

interface Line {
  id: string;
  title: string;
  maxPoints: number;
  weight?: number;
}

/** The workbook of the score table. */
export function scoreWorkbook(input: ScoreTableInput): ExcelJS.Workbook {
  const { table, units } = input;
  const weighted = table.groups.some((g) => g.items.some((c) => (c.weight ?? 1) !== 1));
  // STT, the criterion, its max, (its weight), then one column per unit.
  const fixed = weighted ? 4 : 3;
  const lastCol = fixed + units.length;
  const lines = tableLines(table);
  const totals = units.map((u) => totalsOf(lines, (id) => input.points[u.unitId]?.[id], input.allowNegative));

  const wb = new ExcelJS.Workbook();
  wb.creator = "thidua";
  wb.title = `Bảng tổng hợp điểm thi đua năm ${input.year} - ${input.bloc}`;
  // Excel recomputes every formula when it opens the file, whatever results were written.
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(SHEET, {
    pageSetup: { ...landscapeA4, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    views: [{ state: "frozen", xSplit: fixed, ySplit: HEADER_ROW }],
    headerFooter: { oddFooter: pageFooter },
  });
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 50;
  ws.getColumn(3).width = 9;
  if (weighted) ws.getColumn(4).width = 7;
  units.forEach((_, i) => {
    ws.getColumn(fixed + 1 + i).width = 14;
  });

  const banner = (row: number, text: string, style: Parameters<typeof put>[2]) => {
    ws.mergeCells(row, 1, row, lastCol);
    put(ws.getCell(row, 1), text, { align: "center", ...style });
  };
  banner(1, `BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM ${input.year}`, { size: 14, bold: true });
  banner(2, upper(input.bloc), { size: 13, bold: true });
  banner(3, "(Điểm đã thẩm định; tổng điểm = điểm các tiêu chí + điểm thưởng - điểm trừ)", { italic: true });

  const headers = [
    "STT",
    "Nội dung tiêu chí",
    "Điểm tối đa",
    ...(weighted ? ["Hệ số"] : []),
    ...units.map((u) => u.name),
  ];
  headers.forEach((h, i) => {
    put(ws.getCell(HEADER_ROW, i + 1), h, { bold: true, align: "center", wrap: true, border: true });
  });
  ws.getRow(HEADER_ROW).height = 64;

  const unitCol = (i: number) => ws.getColumn(fixed + 1 + i).letter;
  let row = HEADER_ROW + 1;
  const fixedCells = (
    r: number,
    label: string,
    title: string,
    max: number | null,
    weight: number | null,
    bold = false,
  ) => {
    put(ws.getCell(r, 1), label, { bold, align: "center", border: true });
    put(ws.getCell(r, 2), title, { bold, wrap: true, border: true });
    put(ws.getCell(r, 3), max, { bold, align: "center", border: true, numFmt: POINTS });
    if (weighted) put(ws.getCell(r, 4), weight, { align: "center", border: true, numFmt: POINTS });
  };
  /** One row per unit column: a formula with its result, so readers that do not compute still show it. */
  const formulaRow = (r: number, formula: (col: string) => string, result: (t: Totals) => number, bold = true) => {
    units.forEach((_, i) => {
      const value = { formula: formula(unitCol(i)), result: result(totals[i] as Totals) };
      put(ws.getCell(r, fixed + 1 + i), value, { bold, align: "center", border: true, numFmt: POINTS });
    });
  };

  /** A section's header row (its subtotal) and its lines; the header's row number, none when it has no line. */
  const section = (
    label: string,
    title: string,
    max: number,
    items: readonly Line[],
    subtotal: (t: Totals) => number,
    byWeight: boolean,
  ): number | undefined => {
    if (!items.length) return undefined;
    const head = row++;
    fixedCells(head, label, title, max, null, true);
    const first = row;
    for (const item of items) {
      fixedCells(row, item.id, item.title, item.maxPoints, byWeight ? (item.weight ?? 1) : null);
      units.forEach((u, i) => {
        const points = input.points[u.unitId]?.[item.id] ?? 0;
        put(ws.getCell(row, fixed + 1 + i), points, { align: "center", border: true, numFmt: POINTS });
      });
      row++;
    }
    const range = (col: string) => `${col}${first}:${col}${row - 1}`;
    formulaRow(head, (col) => (byWeight ? `SUMPRODUCT(${range("$D")},${range(col)})` : `SUM(${range(col)})`), subtotal);
    return head;
  };

  const groupRows = table.groups.flatMap((g, gi) => {
    const head = section(roman(gi + 1), upper(g.title), groupTotal(g), g.items, (t) => t.groups[g.id] ?? 0, weighted);
    return head === undefined ? [] : [head];
  });
  const criteriaRow = row++;
  fixedCells(criteriaRow, "", "CỘNG ĐIỂM CÁC TIÊU CHÍ", tableTotal(table), null, true);
  formulaRow(
    criteriaRow,
    (col) => (groupRows.length ? groupRows.map((r) => `${col}${r}`).join("+") : "0"),
    (t) => t.criteria,
  );
  const sum = (items: readonly Line[]) => items.reduce((s, i) => s + Math.round(i.maxPoints * 100), 0) / 100;
  const bonusRow = section("", "ĐIỂM THƯỞNG", bonusTotal(table), table.bonus, (t) => t.bonus, false);
  const penaltyRow = section("", "ĐIỂM TRỪ", sum(table.penalties), table.penalties, (t) => t.penalties, false);

  const totalRow = row++;
  fixedCells(totalRow, "", "TỔNG ĐIỂM", null, null, true);
  formulaRow(
    totalRow,
    (col) => {
      const raw = [
        `${col}${criteriaRow}`,
        ...(bonusRow ? [`+${col}${bonusRow}`] : []),
        ...(penaltyRow ? [`-${col}${penaltyRow}`] : []),
      ].join("");
      return input.allowNegative ? raw : `MAX(0,${raw})`;
    },
    (t) => t.total,
  );
  const rankRow = row++;
  fixedCells(rankRow, "", "XẾP HẠNG", null, null, true);
  units.forEach((u, i) => {
    put(ws.getCell(rankRow, fixed + 1 + i), u.rank ?? "Không xếp hạng", {
      bold: true,
      align: "center",
      wrap: true,
      border: true,
      numFmt: INTEGER,
    });
  });

  if (input.closing) signatureBlock(ws, rankRow + 2, Math.max(2, lastCol - 3), lastCol, input.closing);
  return wb;
}

/** The score table as .xlsx bytes. */
export async function scoresXlsx(input: ScoreTableInput): Promise<Uint8Array> {
  return Buffer.from(await scoreWorkbook(input).xlsx.writeBuffer());
}
