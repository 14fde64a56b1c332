import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Block, Column, Inline } from "../content/model.ts";
import { ND30 } from "../nd30.ts";

/* The Word building blocks every document shares: runs in the decree's font, rules, body blocks. */

/** Millimetres to twips (twentieths of a point), rounded: A4 is 11906 × 16838. */
export const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

export const PAGE = { width: twips(ND30.page.width), height: twips(ND30.page.height) };
export const MARGIN = {
  top: twips(ND30.margin.top),
  bottom: twips(ND30.margin.bottom),
  left: twips(ND30.margin.left),
  right: twips(ND30.margin.right),
};
/** The width between the margins. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Word's default left and right cell margins (0.19 cm): a cell's text is this much narrower on each side. */
export const CELL_PADDING = 108;

export interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Every run names its font, so text pasted into another document stays Times New Roman. */
export const run = (text: string, { size, bold, italic }: RunStyle) =>
  new TextRun({ text, font: ND30.font, size: size * 2, bold, italics: italic });

const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** One line of text, single spaced: the header, the title and the signature blocks are made of them. */
export const line = (
  text: string,
  style: RunStyle,
  options: { align?: keyof typeof align; before?: number; after?: number; keepNext?: boolean } = {},
) =>
  new Paragraph({
    alignment: align[options.align ?? "center"],
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 240 },
    keepNext: options.keepNext,
    children: [run(text, style)],
  });

/**
 * A solid rule `length` twips long, centred in `width`: the lines under the issuing body, the motto and
 * the summary. An empty paragraph one point high draws it with its top border, so it never wraps the text.
 */
export const rule = (width: number, length: number) => {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 0 } },
    // 3 pt below the line above: clear of its descenders, close enough to read as its rule.
    spacing: { before: 60, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [],
  });
};

const runOf = (inline: Inline, size: number) =>
  typeof inline === "string" ? run(inline, { size }) : run(inline.text, { size, ...inline });

/** Body text: justified, first-line indent, 6 pt before, 1.15 lines (the decree: single to 1.5). */
const bodyParagraph = (runs: Inline[], bold: boolean, keepNext: boolean) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(ND30.indent) },
    spacing: { before: 120, after: 0, line: 276 },
    // A heading stays with what follows; so does the last paragraph with the signatures.
    keepNext: bold || keepNext,
    children: runs.map((r) => runOf(typeof r === "string" && bold ? { text: r, bold } : r, ND30.size.body)),
  });

const cell = (text: string, width: number, column: Column, header: boolean) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split("\n").map(
      (t) =>
        new Paragraph({
          alignment: align[header ? "center" : (column.align ?? "left")],
          spacing: { before: 0, after: 0, line: 240 },
          children: [run(t, { size: ND30.size.table, bold: header })],
        }),
    ),
  });

const single = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

/** The most lines a table may take to be kept on one page: a third of a page of 13 pt text. */
const SHORT_TABLE_LINES = 16;
/** About this many characters fit a line of a narrow cell: an estimate, to tell a short table from a long one. */
const CELL_LINE = 45;

/** The lines a table's rows take, roughly: each row as tall as its tallest cell. */
const estimatedLines = (rows: string[][]) =>
  rows.reduce(
    (sum, cells) =>
      sum +
      Math.max(1, ...cells.map((t) => t.split("\n").reduce((n, l) => n + 1 + Math.floor(l.length / CELL_LINE), 0))),
    0,
  );

/** A bordered table across the text width, its header row repeated on every page. */
export function bodyTable(columns: Column[], rows: string[][]): Table {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  // A short table (a vote's count) is kept on one page, as a reader compares its rows; a long one (the
  // members' targets) flows from page to page rather than leave a page blank before it.
  const keep = estimatedLines(rows) <= SHORT_TABLE_LINES;
  const row = (texts: string[], header: boolean, last = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      keepNext: header || (keep && !last),
      children: columns.map((column, i) => cell(texts[i] ?? "", widths[i] ?? 0, column, header)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: single,
      bottom: single,
      left: single,
      right: single,
      insideHorizontal: single,
      insideVertical: single,
    },
    rows: [
      row(
        columns.map((c) => c.header),
        true,
      ),
      ...rows.map((r, i) => row(r, false, i === rows.length - 1)),
    ],
  });
}

/** A table without borders laying out blocks side by side (the header, the closing): rows of cells of paragraphs. */
export function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          // The header and the signatures read as one block: never split across pages.
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                children: children.length ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

/** A body block as a Word paragraph or table; `keepNext` keeps a paragraph on the page of what follows. */
export function blockOf(block: Block, keepNext = false): Paragraph | Table {
  switch (block.kind) {
    case "heading":
      return bodyParagraph([block.text], true, true);
    case "centered":
      return line(block.text, { size: ND30.size.body, bold: true }, { before: 120, keepNext: true });
    case "paragraph":
      return bodyParagraph(block.runs, false, keepNext);
    case "table":
      return bodyTable(block.columns, block.rows);
  }
}
