import { z } from "zod";
import { ReadVersion } from "../edit/edit.rules.ts";
import { textField } from "../text/index.ts";

/**
 * A province's letterhead: who issues its documents, where, who signs and how they are numbered
 * (Nghị định 30/2020/NĐ-CP). Each province's board sets its own; the generators take it as plain data.
 */

/** Documents the product issues; each may have its own number pattern. */
export const letterheadDocuments = [
  "covenant",
  "registration",
  "midYearReport",
  "yearEndReport",
  "scores",
  "minutes",
  "proposal",
  "decision",
] as const;
export type LetterheadDocument = (typeof letterheadDocuments)[number];

// ND30 (Phụ lục I, II.8): TM. (on behalf of a collective), KT. (deputy for the head), Q. (acting),
// TL. and TUQ. (by delegation). Signing in one's own name has no prefix.
const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\. \S/u;

export const Signer = z.object({
  /** How the signer acts: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; absent when signing in their own name. */
  authority: textField({ min: 4, max: 120 })
    .refine((s) => AUTHORITY.test(s), { message: "letterhead.authority_prefix" })
    .optional(),
  /** The signer's title: "PHÓ CHỦ TỊCH". */
  title: textField({ min: 1, max: 120 }),
  /** Left out when the name is written by hand. */
  name: textField({ min: 1, max: 100 }).optional(),
});
export type Signer = z.infer<typeof Signer>;

const PLACEHOLDER = /\{(n|year)\}/g;
/** "{n}/BB-KTĐ", "{n}/{year}/QĐ-UBND": the symbol part is letters, digits, "/", "-" and "." (ND30 II.3). */
const NumberPattern = z
  .string()
  .trim()
  .max(40)
  .refine((p) => p.split("{n}").length === 2, { message: "letterhead.number_without_n" })
  .refine((p) => /^[\p{L}\p{N}/.-]*$/u.test(p.replace(PLACEHOLDER, "")), { message: "letterhead.number_symbol" });

export const Letterhead = z
  .object({
    issuer: z.object({
      /** The issuing body's parent (cơ quan chủ quản): "UBND TỈNH NINH THUẬN". */
      parent: textField({ min: 1, max: 120 }).optional(),
      /** The issuing body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG". */
      body: textField({ min: 1, max: 120 }),
    }),
    /** The place of the date line: "Ninh Thuận" (ND30 II.5: the province's name). */
    place: textField({ min: 1, max: 60 }),
    /** Who signs the province's own documents (decisions, memos). */
    signer: Signer,
    /** Number patterns by document; a missing one falls back to `defaultNumbers`. */
    numbers: z.partialRecord(z.enum(letterheadDocuments), NumberPattern).default({}),
  })
  .meta({ id: "Letterhead" });
export type Letterhead = z.infer<typeof Letterhead>;
export type LetterheadInput = z.input<typeof Letterhead>;

/** Symbols from ND30's Phụ lục III (BB biên bản, BC báo cáo, TTr tờ trình, QĐ quyết định); KTĐ: khối thi đua. */
export const defaultNumbers: Readonly<Record<LetterheadDocument, string>> = {
  covenant: "{n}/GƯ-KTĐ",
  registration: "{n}/ĐK-KTĐ",
  midYearReport: "{n}/BC-KTĐ",
  yearEndReport: "{n}/BC-KTĐ",
  scores: "{n}/BTH-KTĐ",
  minutes: "{n}/BB-KTĐ",
  proposal: "{n}/TTr-KTĐ",
  decision: "{n}/QĐ-UBND",
};

/** The province's letterhead as the board reads it: null until first saved (version 0), and a suggestion. */
export const LetterheadSettings = z
  .object({
    // A union, not `.nullable()`: that would make the shared Letterhead component itself nullable.
    letterhead: z.union([Letterhead, z.null()]),
    version: z.number().int(),
    /** Derived from the province's name: where the form starts before the first save. */
    suggested: Letterhead,
  })
  .meta({ id: "LetterheadSettings" });
export type LetterheadSettings = z.infer<typeof LetterheadSettings>;

/** What the board saves: the whole letterhead, and the version it read (0 the first time). */
export const SaveLetterheadInput = z
  .object({ letterhead: Letterhead, version: ReadVersion })
  .meta({ id: "SaveLetterheadInput" });
export type SaveLetterheadInput = z.input<typeof SaveLetterheadInput>;

/** The province's name without a leading "Tỉnh"/"Thành phố", as a date line writes it. */
export function provinceName(tenantName: string): string {
  return tenantName.replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, "").trim() || tenantName;
}

/**
 * A first letterhead to start from, derived from the province's registry name ("Tỉnh Ninh Thuận",
 * "Thành phố Huế"): its People's Committee as parent, its emulation council as issuer, the council's
 * chair signing.
 */
export function suggestedLetterhead(tenantName: string): Letterhead {
  const place = provinceName(tenantName);
  const kind = /^(thành phố|tp\.?)\s/iu.test(tenantName.trim()) ? "THÀNH PHỐ" : "TỈNH";
  return {
    issuer: { parent: `UBND ${kind} ${place.toLocaleUpperCase("vi")}`, body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" },
    place,
    signer: { authority: "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", title: "CHỦ TỊCH" },
    numbers: {},
  };
}
