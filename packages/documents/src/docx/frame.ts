import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from "docx";
import { DRAFT_MARK, type Nd30Content, recipientLines, type SignerBlock } from "../content/model.ts";
import { upper } from "../letterhead.ts";
import { MOTTO, NATIONAL_TITLE, ND30, RECIPIENTS_LABEL } from "../nd30.ts";
import { blockOf, CELL_PADDING, layoutTable, line, MARGIN, PAGE, rule, run, TEXT_WIDTH, twips } from "./parts.ts";

/**
 * Every Word document of the product in the layout of Nghị định 30/2020/NĐ-CP: A4, the decree's margins,
 * Times New Roman; the issuing body and its number top left, the national title and motto top right with
 * the place and date under them; the title; the body; "Nơi nhận" bottom left and the signature bottom right.
 */

/** The header's columns: the issuing body (62.7 mm) and the national title (102.3 mm, as wide as it needs). */
const LEFT = 3555;
const RIGHT = TEXT_WIDTH - LEFT;
/**
 * The rule under the motto is as long as the motto (ND30 II.2): "Độc lập - Tự do - Hạnh phúc" in Times New
 * Roman Bold 13 pt adds up to 12.2 em of advance widths, 158.6 pt.
 */
const MOTTO_RULE = 3170;
/** The rules under the issuing body and under the summary: a third to a half of their line (ND30 II.2, II.4). */
const ISSUER_RULE = 1300;
const SUMMARY_RULE = 2000;
/** Room for the signature and the seal above the signer's name. */
const SIGNATURE_ROOM = 1700;

/** An empty paragraph `height` twips high. */
const spacer = (height: number, keepNext = false) =>
  new Paragraph({
    spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT },
    keepNext,
    children: [],
  });

function header(c: Nd30Content): Table {
  const size = ND30.size;
  const issuer = [
    ...(c.issuer.parent ? [line(upper(c.issuer.parent), { size: size.issuer })] : []),
    line(upper(c.issuer.body), { size: size.issuer, bold: true }),
    rule(LEFT - 2 * CELL_PADDING, ISSUER_RULE),
  ];
  const nation = [
    line(NATIONAL_TITLE, { size: size.nationalTitle, bold: true }),
    line(MOTTO, { size: size.motto, bold: true }),
    rule(RIGHT - 2 * CELL_PADDING, MOTTO_RULE),
  ];
  // A second row, so the number and the date line stand on one line whatever the issuer's height.
  const number = [line(`Số: ${c.number}`, { size: size.number }, { before: 120 })];
  const date = [line(c.placeDate, { size: size.placeDate, italic: true }, { before: 120 })];
  return layoutTable(
    [LEFT, RIGHT],
    [
      [issuer, nation],
      [number, date],
    ],
  );
}

/** A title, the lines under it (a line in parentheses in italic: an annex's reference) and their rule. */
function titled(first: Paragraph, summary: readonly string[]): Paragraph[] {
  const style = { size: ND30.size.title, bold: true };
  return [
    first,
    ...summary.map((s) =>
      s.startsWith("(")
        ? line(s, { size: ND30.size.title, italic: true }, { keepNext: true })
        : line(s, style, { keepNext: true }),
    ),
    ...(summary.length ? [rule(TEXT_WIDTH, SUMMARY_RULE)] : []),
    spacer(240),
  ];
}

function title(c: Nd30Content): Paragraph[] {
  const style = { size: ND30.size.title, bold: true };
  const draft = c.draft ? [line(DRAFT_MARK, style, { before: 360, keepNext: true })] : [];
  const first = line(upper(c.title), style, { before: c.draft ? 120 : 360, keepNext: true });
  return [...draft, ...titled(first, c.summary)];
}

/** The annex: a page of its own after the signature, titled like the document. */
function annex(c: Nd30Content): (Paragraph | Table)[] {
  if (!c.annex) return [];
  const heading = new Paragraph({
    pageBreakBefore: true,
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240 },
    keepNext: true,
    children: [run(upper(c.annex.title), { size: ND30.size.title, bold: true })],
  });
  return [...titled(heading, c.annex.summary), ...c.annex.body.map((b) => blockOf(b))];
}

/** A signature block; `lines` pads it to as many lines above the name as the block beside it, to align the names. */
function signer(s: SignerBlock, lines = 0): Paragraph[] {
  const size = ND30.size.signer;
  const above = [
    ...(s.authority ? [line(upper(s.authority), { size, bold: true })] : []),
    line(upper(s.title), { size, bold: true }),
    ...(s.note ? [line(s.note, { size, italic: true })] : []),
  ];
  return [
    ...above,
    ...Array.from({ length: Math.max(0, lines - above.length) }, () => line("", { size })),
    line(s.name ?? "", { size, bold: true }, { before: SIGNATURE_ROOM }),
  ];
}

function recipients(list: readonly string[]): Paragraph[] {
  if (!list.length) return [];
  return [
    line(RECIPIENTS_LABEL, { size: ND30.size.recipientsLabel, bold: true, italic: true }, { align: "left" }),
    ...recipientLines(list).map((r) => line(r, { size: ND30.size.recipients }, { align: "left" })),
  ];
}

function closing(c: Nd30Content): (Paragraph | Table)[] {
  const list = recipients(c.recipients ?? []);
  const [first, second] = c.signers;
  if (!second) return [spacer(240, true), layoutTable([LEFT, RIGHT], [[list, signer(first)]])];
  // Two signers side by side (minutes): the recipients, if any, follow below on the left.
  const half = Math.floor(TEXT_WIDTH / 2);
  const lines = Math.max(...c.signers.map((s) => 1 + Number(!!s.authority) + Number(!!s.note)));
  return [
    spacer(240, true),
    layoutTable([half, TEXT_WIDTH - half], [[signer(first, lines), signer(second, lines)]]),
    ...list,
  ];
}

/** Page numbers top centre, from the second page on (ND30 II.9). */
const pageNumbers = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: ND30.font, size: ND30.size.pageNumber * 2 })],
      }),
    ],
  });

/** The Word document of `content`, laid out per ND30. */
export function nd30Document(c: Nd30Content): Document {
  const body = c.body.flatMap((block, i) => {
    const next = c.body[i + 1];
    // The last paragraph stays with the signatures, a paragraph introducing a table with the table.
    const part = blockOf(block, !next || next.kind === "table");
    // A paragraph after each table, so two tables never merge when an official edits the file.
    return block.kind === "table" ? [part, spacer(60)] : [part];
  });
  return new Document({
    creator: "thidua",
    title: c.meta.title,
    subject: c.meta.subject ?? "",
    description: "Thể thức theo Nghị định 30/2020/NĐ-CP",
    styles: {
      default: {
        document: {
          run: { font: ND30.font, size: ND30.size.body * 2, language: { value: "vi-VN" } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGIN, header: twips(10), footer: twips(10), gutter: 0 },
          },
          titlePage: true,
        },
        headers: { default: pageNumbers(), first: new Header({ children: [] }) },
        children: [header(c), ...title(c), ...body, ...closing(c), ...annex(c)],
      },
    ],
  });
}

/** The .docx bytes of `content`. */
export async function renderDocx(c: Nd30Content): Promise<Uint8Array> {
  return Packer.toBuffer(nd30Document(c));
}
