import { z } from "zod";

/**
 * Vietnamese text helpers shared by the API and the dashboard: search that
 * ignores diacritics ("ban tuyen giao" finds "Ban Tuyên giáo"), sorting in
 * Vietnamese alphabetical order, and the one normalisation of what users type.
 */

// The character classes are written once as text: the checks below and the `pattern` that the OpenAPI
// document gives every text field are built from them.
/** Direction marks and overrides: they make text read other than it shows. */
const DIRECTION = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
/** Characters that make text read other than it shows: controls, direction marks and overrides, lone surrogates. */
const HIDDEN = new RegExp(`[\\p{Cc}\\p{Cs}${DIRECTION}]`, "u");
/** Invisible format characters (zero-width space, soft hyphen, word joiner…): dropped; direction marks are refused instead. */
const INVISIBLE_FORMAT = new RegExp(`(?![${DIRECTION}])\\p{Cf}`, "gu");
/** Not a space, a format character, or a blank that looks like a letter (U+3164…). */
const SEEN = "\\p{White_Space}\\p{Cf}\\u115F\\u1160\\u2800\\u3164\\uFFA0";
/** Something a reader sees. */
const VISIBLE = new RegExp(`[^${SEEN}]`, "u");

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
 * `textProblem`'s rules as a JSON Schema `pattern` over the text as sent (an ECMAScript regular expression
 * with the `u` flag): no hidden character (white space controls such as a tab or a line break become
 * spaces or lines), and, for a required text, something visible; with `min` 0, text that normalises to
 * nothing passes too.
 */
export function textPattern(min: number): string {
  const kept = `(?:[^\\p{Cc}\\p{Cs}${DIRECTION}]|[\\t\\n\\v\\f\\r])`;
  const visible = `[^${SEEN}\\p{Cc}\\p{Cs}]`;
  const some = `${kept}*${visible}${kept}*`;
  return min > 0 ? `^${some}$` : `^(?:${some}|(?:(?![${DIRECTION}])[\\s\\p{Cf}])*)$`;
}

/**
 * How the API's text fields are checked, for the OpenAPI document's description (each text field's own
 * description points here).
 */
export const TEXT_FIELDS_RULE =
  "Text fields (a `pattern` and this description mark them) are normalised before they are checked: Unicode " +
  "NFC, invisible format characters such as a zero-width space dropped, each run of white space made one " +
  "space, trimmed (a multi-line field keeps its line breaks). `minLength` and `maxLength` then count UTF-16 " +
  "code units of the normalised text (a character beyond the Basic Multilingual Plane, such as an emoji, " +
  "counts two). A 400 names a field with hidden characters by the message `text.hidden_characters`, one " +
  "with nothing visible by `text.invisible`.";

/**
 * A field users type into (a name, a title, a reason), normalised here and nowhere else. Refuses hidden
 * characters (`text.hidden_characters`) and text with nothing visible (`text.invisible`), naming the field.
 */
export function textField({ min, max, multiline = false }: { min: number; max: number; multiline?: boolean }) {
  return (
    z
      .string()
      .overwrite((text) => normalizeText(text, multiline))
      .min(min)
      .max(max)
      .superRefine((text, ctx) => {
        const problem = textProblem(text, multiline);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      // Documentation only (zod checks nothing from `meta`): the same rules, for generated clients.
      .meta({
        pattern: textPattern(min),
        description: `Text${multiline ? " on several lines" : ""}, checked once normalised (see Text fields)`,
      })
  );
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
