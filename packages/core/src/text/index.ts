/**
 * Vietnamese text helpers shared by the API and the dashboard: search that
 * ignores diacritics ("ban tuyen giao" finds "Ban Tuyên giáo") and sorting in
 * Vietnamese alphabetical order.
 */

/** Lowercase, without tone marks or vowel hats; đ becomes d. */
export function foldVietnamese(text: string): string {
  return text
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

/** Readable ids for a name, in the order to try them: its slug, then `-2`, `-3`… (`fallback` for a name without letters). */
export function* readableIds(name: string, fallback: string): Generator<string> {
  const base = slugify(name).slice(0, 60).replace(/-+$/, "") || fallback;
  yield base;
  for (let n = 2; ; n++) yield `${base}-${n}`;
}
