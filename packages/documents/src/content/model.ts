import type { Signer } from "../letterhead.ts";

/**
 * What an administrative document says, apart from how it is drawn: the Word file and the HTML preview
 * render the same content, so the preview shows what will print.
 */

/** A piece of text with its emphasis. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean };

export interface Column {
  header: string;
  /** Relative width: the columns share the line by these weights. */
  width: number;
  align?: "left" | "center" | "right";
}

export type Block =
  /** A section heading ("I. …"), bold. */
  | { kind: "heading"; text: string }
  /** A bold line centred on the page: a decision's authority, "QUYẾT ĐỊNH:". */
  | { kind: "centered"; text: string }
  /** A body paragraph: justified, first-line indent. */
  | { kind: "paragraph"; runs: Inline[] }
  /** A bordered table with a header row repeated on each page. */
  | { kind: "table"; columns: Column[]; rows: string[][] };

/** A signature block: authority, title, room to sign (and stamp), name. */
export interface SignerBlock extends Signer {
  /** A line under the title, in regular case: the unit the signer speaks for. */
  note?: string;
}

/** An administrative document in the layout of Nghị định 30/2020/NĐ-CP. */
export interface Nd30Content {
  /** The issuing body, top left; printed uppercase. */
  issuer: { parent?: string; body: string };
  /** Number and symbol after "Số:" ("01/BB-KTĐ"). */
  number: string;
  /** "Ninh Thuận, ngày 01 tháng 12 năm 2023". */
  placeDate: string;
  /** A draft (dự thảo): marked so above the title, to be completed before it is issued. */
  draft?: boolean;
  /** The document's kind, printed uppercase: "BIÊN BẢN". */
  title: string;
  /** What it is about (trích yếu), under the title. */
  summary: string[];
  body: Block[];
  /** "Nơi nhận": each line without its final punctuation. */
  recipients?: string[];
  /** One signer (bottom right) or two (left and right). */
  signers: [SignerBlock] | [SignerBlock, SignerBlock];
  /** An annex (phụ lục) after the signature, on a page of its own: its title, the lines under it, its body. */
  annex?: { title: string; summary: string[]; body: Block[] };
  /** The file's own properties (title, subject) as Word and Explorer show them. */
  meta: { title: string; subject?: string };
}

export const paragraph = (...runs: Inline[]): Block => ({ kind: "paragraph", runs });
export const heading = (text: string): Block => ({ kind: "heading", text });
export const centered = (text: string): Block => ({ kind: "centered", text });

/** The mark above a draft's title. */
export const DRAFT_MARK = "DỰ THẢO";

/** The recipients as ND30 lists them: "- …;" each, the last one ending with ".". */
export const recipientLines = (recipients: readonly string[]) =>
  recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? "." : ";"}`);

/** I, II, III… for the sections of a document body. */
export function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
