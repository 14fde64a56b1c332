import { strFromU8, unzipSync } from "fflate";

/* Reading a generated .docx back, as Word would: unzip it and take its XML parts apart (tests only). */

/** The parts of a .docx: `word/document.xml`, `word/styles.xml`… as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

const readEntities = (text: string) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

/** The text of an XML fragment: its `w:t` runs joined. */
export const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => readEntities(m[1] ?? "")).join("");

/** Each paragraph's text, in order (table cells' paragraphs included). */
export const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)].map((m) => textOf(m[1] ?? ""));

/** Each paragraph's XML, to check the runs' properties. */
export const paragraphXml = (xml: string) => [...xml.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/gs)].map((m) => m[0]);

/** Each table row as its cells' texts (rows of nested tables are not expected). */
export const tableRows = (xml: string) =>
  [...xml.matchAll(/<w:tr\b[^>]*>(.*?)<\/w:tr>/gs)].map((row) =>
    [...(row[1] ?? "").matchAll(/<w:tc\b[^>]*>(.*?)<\/w:tc>/gs)].map((cell) => paragraphs(cell[1] ?? "").join("\n")),
  );

/** The attributes of the first element named `tag`: `attributes(xml, "w:pgSz")["w:w"]`. */
export function attributes(xml: string, tag: string): Record<string, string> {
  const element = xml.match(new RegExp(`<${tag}\\s([^>]*?)/?>`))?.[1] ?? "";
  return Object.fromEntries([...element.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

/** The XML of the first paragraph whose text is `text`; throws when none is, so a test names what is missing. */
export function paragraphWith(xml: string, text: string | RegExp): string {
  const found = paragraphXml(xml).find((p) => (typeof text === "string" ? textOf(p) === text : text.test(textOf(p))));
  if (!found) throw new Error(`No paragraph reads ${text}`);
  return found;
}

/** Each run's properties (`w:rPr`), to check that every run names its font. */
export const runProperties = (xml: string) =>
  [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?<w:t[ >]/gs)].map((m) => m[1] ?? "");
