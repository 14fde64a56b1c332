import {
  defaultNumbers,
  type Letterhead,
  type LetterheadDocument,
  letterheadDocuments,
} from "@thidua/core/document/letterhead";

/**
 * Formatting by the rules of Nghị định 30/2020/NĐ-CP: document numbers, dates, figures. The letterhead
 * itself (who issues, where, who signs, number patterns) is the province's setting, defined in core.
 */

export { defaultNumbers, Letterhead, type LetterheadInput, Signer } from "@thidua/core/document/letterhead";
/** Documents the product issues; each may have its own number pattern. */
export const documentKinds = letterheadDocuments;
export type DocumentKind = LetterheadDocument;

/** Room left for the clerk (văn thư) to write the number by hand when the document is issued. */
const BLANK_NUMBER = "       ";

/**
 * The number and symbol after "Số:": "01/BB-KTĐ". ND30 (II.3) writes a number below 10 with a leading 0.
 * Without a number the space stays blank, as drafts are printed before the clerk numbers them.
 */
export function documentNumber(letterhead: Letterhead, kind: DocumentKind, n?: number, year?: number): string {
  const pattern = letterhead.numbers[kind] ?? defaultNumbers[kind];
  const number = n === undefined ? BLANK_NUMBER : String(n).padStart(2, "0");
  return pattern.replace("{n}", number).replace("{year}", year === undefined ? "" : String(year));
}

/** A document's date; day or month left out are written by hand. */
export interface DocumentDate {
  year: number;
  month?: number;
  day?: number;
}

/** The calendar day of an instant in Vietnam (UTC+7), whatever the server's time zone. */
export function vietnamDate(instant: Date | string): Required<DocumentDate> {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

const BLANK = "     ";

/**
 * Day and month as a document writes them. Rule followed (ND30, Phụ lục I, II.5.b): days 1–9 and months
 * 1–2 take a leading 0, so that "1" cannot later become "11" or "12"; months 3–12 are written as they are
 * ("tháng 3"), days 10–31 too. A part left out is blank, to be written by hand.
 */
export function dateParts(date: DocumentDate): { day: string; month: string } {
  return {
    day: date.day === undefined ? BLANK : String(date.day).padStart(2, "0"),
    month: date.month === undefined ? BLANK : date.month <= 2 ? `0${date.month}` : String(date.month),
  };
}

/** A date in a table: "05/03/2025", parts left out blank. */
export function formatDate(date: DocumentDate): string {
  const part = (n: number | undefined) => (n === undefined ? "   " : String(n).padStart(2, "0"));
  return `${part(date.day)}/${part(date.month)}/${date.year}`;
}

/** The place and date line: "Ninh Thuận, ngày 01 tháng 12 năm 2023". */
export function placeDateLine(place: string, date: DocumentDate): string {
  const { day, month } = dateParts(date);
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number the Vietnamese way: "1.234,5" (dot for thousands, decimal comma), at most `decimals` decimals. */
export function formatNumber(x: number, decimals = 2, fixed = false): string {
  const key = fixed ? -decimals - 1 : decimals;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("vi-VN", {
      minimumFractionDigits: fixed ? decimals : 0,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(key, format);
  }
  return format.format(x);
}

/** Points as score tables print them: always two decimals, "95,50". */
export const formatPoints = (x: number) => formatNumber(x, 2, true);

/** A share as a percentage with a decimal comma: 0.875 → "87,5%". */
export const formatPercent = (share: number) => `${formatNumber(share * 100, 2)}%`;

/** Uppercase the Vietnamese way, for headings and the letterhead ("Văn phòng Tỉnh ủy" → "VĂN PHÒNG TỈNH ỦY"). */
export const upper = (text: string) => text.toLocaleUpperCase("vi");

/** Well-known bodies as a sentence writes them, for a letterhead typed in capitals. */
const knownNames: Record<string, string> = {
  "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG": "Hội đồng Thi đua - Khen thưởng",
  "BAN THI ĐUA - KHEN THƯỞNG": "Ban Thi đua - Khen thưởng",
};

/** A body's name inside a sentence: as typed, or, typed in capitals, as known or in sentence case. */
export function inText(name: string): string {
  const trimmed = name.trim();
  if (trimmed !== upper(trimmed)) return trimmed;
  const known = knownNames[trimmed];
  if (known) return known;
  const lower = trimmed.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/** "tỉnh" or "thành phố", as the letterhead's parent body (the People's Committee) says; "" if it does not. */
function levelOf(letterhead: Letterhead): string {
  const parent = upper(letterhead.issuer.parent ?? "");
  // Words, not \b: a word boundary in a JavaScript regex knows only ASCII letters ("PHỐ" ends in Ố).
  const words = parent.split(/\s+/);
  const has = (phrase: string) => ` ${words.join(" ")} `.includes(` ${phrase} `);
  return has("THÀNH PHỐ") ? "thành phố" : has("TỈNH") ? "tỉnh" : "";
}

/** The province's emulation council as documents address it: "Hội đồng Thi đua - Khen thưởng tỉnh Ninh Thuận". */
export function councilName(letterhead: Letterhead): string {
  const level = levelOf(letterhead);
  if (!level) return inText(letterhead.issuer.body);
  // A body that already names the province ("… TỈNH NINH THUẬN") is written without it, then with it.
  const body = letterhead.issuer.body.trim();
  const suffix = new RegExp(`\\s+((tỉnh|thành phố)\\s+)?${escapeRegExp(letterhead.place)}$`, "iu");
  return `${inText(body.replace(suffix, ""))} ${level} ${letterhead.place}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The province's People's Committee in a sentence: "Ủy ban nhân dân tỉnh Ninh Thuận" (from "UBND TỈNH NINH THUẬN"). */
export function committeeName(letterhead: Letterhead): string {
  const parent = letterhead.issuer.parent ?? letterhead.issuer.body;
  const level = levelOf(letterhead);
  return /^(UBND|ỦY BAN NHÂN DÂN)\s/iu.test(parent.trim()) && level
    ? `Ủy ban nhân dân ${level} ${letterhead.place}`
    : inText(parent);
}
