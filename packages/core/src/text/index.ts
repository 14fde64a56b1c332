import { z } from "zod";

/**
 * Vietnamese text helpers shared by the API and the dashboard: search that
 * ignores diacritics ("ban tuyen giao" finds "Ban Tuyên giáo"), sorting in
 * Vietnamese alphabetical order, and the one normalisation of what users type.
 */

/** Characters that make text read other than it shows: controls, direction marks and overrides, lone surrogates. */
const HIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
/** Invisible format characters (zero-width space, soft hyphen, word joiner…): dropped; direction marks are refused instead. */
const INVISIBLE_FORMAT = /(?![\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])\p{Cf}/gu;
/** Something a reader sees: not a space, a format character, or a blank that looks like a letter (U+3164…). */
const VISIBLE = /[^\p{White_Space}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/u;

/**
 * Text as it is stored: composed (NFC, so "Quảng" typed two ways is one name), invisible format characters
 * dropped, runs of spaces made one, trimmed. With `multiline`, line breaks stay (at most one blank line in
 * a row).
 */
export function normalizeText(text: string, multiline = false): string {
  const composed = text.normalize("NFC").replace(INVISIBLE_FORMAT, "");
  if (!multiline) return composed.replace(/\s+/gu, " ").trim();
  return composed
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\s+/gu, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** What is wrong with normalised text as a user's: hidden characters, or nothing visible at all. */
export function textProblem(text: string, multiline = false): "text.hidden_characters" | "text.invisible" | undefined {
  if (HIDDEN.test(multiline ? text.replaceAll("\n", "") : text)) return "text.hidden_characters";
  if (text !== "" && !VISIBLE.test(text)) return "text.invisible";
  return undefined;
}

/**
 * A field users type into (a name, a title, a reason), normalised here and nowhere else. Refuses hidden
 * characters (`text.hidden_characters`) and text with nothing visible (`text.invisible`), naming the field.
 */
export function textField({ min, max, multiline = false }: { min: number; max: number; multiline?: boolean }) {
  return z
    .string()
    .overwrite((text) => normalizeText(text, multiline))
    .min(min)
    .max(max)
    .superRefine((text, ctx) => {
      const problem = textProblem(text, multiline);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** Lowercase, without tone marks or vowel hats or invisible characters; đ becomes d. */
export function foldVietnamese(text: string): string {
  return text
    .replace(INVISIBLE_FORMAT, "")
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** True when every word of the query appears in the text, diacritics ignored. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return foldVietnamese(query)
    .split(" ")
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Compares in Vietnamese order (a ă â b … đ after d). */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);

/** A URL-safe id from a Vietnamese name: "Quảng Trị" → "quang-tri". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Words that stand in a path where an id could (`/api/units/import` beside `/api/units/{unitId}`): never an
 * id, or a unit named "Import" could not be reached at `/api/units/import/archive`.
 */
const pathWords = new Set(["import"]);

/**
 * Readable ids for a name, in the order to try them: its slug, then `-2`, `-3`… (`fallback` for a name
 * without letters); a slug that is a path word starts at `-2`.
 */
export function* readableIds(name: string, fallback: string): Generator<string> {
  const base = slugify(name).slice(0, 60).replace(/-+$/, "") || fallback;
  if (!pathWords.has(base)) yield base;
  for (let n = 2; ; n++) yield `${base}-${n}`;
}
