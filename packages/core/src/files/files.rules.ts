import { z } from "zod";
import { textField } from "../text/index.ts";

/**
 * Evidence files units attach to their self-scores: which kinds are allowed, how large, and how a kind is
 * recognised from the bytes themselves (a declared type or a file name proves nothing). Pure: the reads
 * happen in storage.ts.
 */

/** The largest evidence file: a scanned decision or a few photos fit, a video does not. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** Each allowed kind's MIME type: declared when asking for an upload URL, and signed into it. */
export const evidenceContentTypes = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
} as const;
export type EvidenceKind = keyof typeof evidenceContentTypes;

export const EvidenceContentType = z.enum(evidenceContentTypes);
export type EvidenceContentType = z.infer<typeof EvidenceContentType>;

/** For a file picker's `accept`: the MIME types and the usual extensions. */
export const EVIDENCE_ACCEPT = [
  ...Object.values(evidenceContentTypes),
  ...[".pdf", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".docx", ".xlsx", ".doc", ".xls"],
].join(",");

/** The kind a MIME type names, if it is allowed. */
export function kindOfContentType(contentType: string): EvidenceKind | undefined {
  const entry = Object.entries(evidenceContentTypes).find(([, type]) => type === contentType);
  return entry?.[0] as EvidenceKind | undefined;
}

/** What the dashboard sends to get an upload URL; the size and type are then signed into the URL. */
export const EvidenceUploadInput = z.object({
  fileName: textField({ min: 1, max: 255 }),
  contentType: EvidenceContentType,
  // Over the limit is refused by the use case, as 413 naming the limit, not as a malformed request.
  size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type EvidenceUploadInput = z.input<typeof EvidenceUploadInput>;

/**
 * `Content-Disposition` for a download under the name the unit gave: an ASCII fallback for old clients and
 * the exact name in RFC 5987 form (`filename*=UTF-8''…`), so "Báo cáo tổng kết.pdf" arrives as it was.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.replace(/[/\\]/g, "_").replace(/\p{Cc}/gu, "") || "file";
  const fallback = name
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["%;\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// --- Recognising a kind by content ---

/** Bytes read from the start of an upload to recognise it: enough for every signature and a zip's first entries. */
export const SNIFF_BYTES = 8 * 1024;
/** Bytes read from the end of a zip whose first entries did not tell: its central directory lists every name. */
export const ZIP_TAIL_BYTES = 64 * 1024;

/** A part of a file read at some offset (a zip's tail, a compound file's directory). */
export interface FileSlice {
  offset: number;
  bytes: Uint8Array;
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const GIF87 = ascii("GIF87a");
const GIF89 = ascii("GIF89a");
const ZIP_ENTRY = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file (Word 97–2003, Excel 97–2003). */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const has = (bytes: Uint8Array, signature: number[], at = 0) =>
  at >= 0 && at + signature.length <= bytes.length && signature.every((b, i) => bytes[at + i] === b);
const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
const utf8 = (bytes: Uint8Array, at: number, length: number) =>
  new TextDecoder().decode(bytes.subarray(at, at + length));

/**
 * The kind of a file from its first bytes (`SNIFF_BYTES` of them), or null when it is not an allowed kind
 * (a program, plain text, an archive, anything else). A zip is a docx or an xlsx by its entry names, a
 * compound file a doc or an xls by its stream names; when the first bytes do not hold them, `furtherRange`
 * says which bytes to read and `more` passes them.
 */
export function detectKind(firstBytes: Uint8Array, more?: FileSlice): EvidenceKind | null {
  const b = firstBytes;
  if (has(b, PDF)) return "pdf";
  if (has(b, PNG)) return "png";
  if (has(b, JPEG)) return "jpeg";
  if (has(b, RIFF) && has(b, WEBP, 8)) return "webp";
  if (has(b, GIF87) || has(b, GIF89)) return "gif";
  if (has(b, ZIP_ENTRY)) {
    // A small zip is whole in the first bytes, central directory included.
    const tail = more ? centralEntryNames(more.bytes, more.offset) : [];
    return officeKind([...localEntryNames(b), ...centralEntryNames(b, 0), ...tail]);
  }
  if (has(b, COMPOUND)) return compoundKind(b, more);
  return null;
}

/** The bytes worth reading next when the first ones did not tell a zip's or a compound file's kind. */
export function furtherRange(firstBytes: Uint8Array, size: number): { start: number; end: number } | undefined {
  if (size <= firstBytes.length || detectKind(firstBytes) !== null) return undefined;
  if (has(firstBytes, ZIP_ENTRY)) return { start: Math.max(0, size - ZIP_TAIL_BYTES), end: size - 1 };
  const directory = has(firstBytes, COMPOUND) ? compoundDirectory(firstBytes) : undefined;
  if (directory && directory.start + directory.size > firstBytes.length && directory.start < size) {
    return { start: directory.start, end: Math.min(size, directory.start + directory.size) - 1 };
  }
  return undefined;
}

/** An Office Open XML package: `[Content_Types].xml` and the main part's folder. */
function officeKind(names: string[]): "docx" | "xlsx" | null {
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.startsWith("word/"))) return "docx";
  if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
  return null;
}

/** Names of the local entries from the start of a zip, as far as their sizes let us walk. */
function localEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (has(bytes, ZIP_ENTRY, at) && at + 30 <= bytes.length) {
    const flags = u16(bytes, at + 6);
    const compressed = u32(bytes, at + 18);
    const nameLength = u16(bytes, at + 26);
    if (at + 30 + nameLength > bytes.length) break;
    names.push(utf8(bytes, at + 30, nameLength));
    // Sizes written after the data (flag 3) or in a zip64 field: the next entry cannot be found from here.
    if ((flags & 0x08 && compressed === 0) || compressed === 0xffffffff) break;
    at += 30 + nameLength + u16(bytes, at + 28) + compressed;
  }
  return names;
}

/** Names listed by the central directory of a zip whose tail (starting at `offset`) is `bytes`. */
function centralEntryNames(bytes: Uint8Array, offset: number): string[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff) && end < 0; at--) {
    if (has(bytes, ZIP_END, at)) end = at;
  }
  if (end < 0) return [];
  const names: string[] = [];
  let at = u32(bytes, end + 16) - offset;
  for (let i = u16(bytes, end + 10); i > 0 && has(bytes, ZIP_CENTRAL, at) && at + 46 <= bytes.length; i--) {
    const nameLength = u16(bytes, at + 28);
    names.push(utf8(bytes, at + 46, nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** Where a compound file's first directory sector lies (its header says), and the sector size. */
function compoundDirectory(header: Uint8Array): { start: number; size: number } | undefined {
  if (header.length < 0x34) return undefined;
  const shift = u16(header, 0x1e);
  const sector = u32(header, 0x30);
  if ((shift !== 9 && shift !== 12) || sector >= 0xfffffffa) return undefined;
  const size = 2 ** shift;
  return { start: (sector + 1) * size, size };
}

/**
 * Word writes a `WordDocument` stream, Excel a `Workbook` (`Book` before Excel 97). Only the first directory
 * sector is read, where both put their main stream; a file that names it elsewhere is refused.
 */
function compoundKind(header: Uint8Array, more?: FileSlice): "doc" | "xls" | null {
  const directory = compoundDirectory(header);
  if (!directory) return null;
  const { start, size } = directory;
  const sector =
    start + size <= header.length
      ? header.subarray(start, start + size)
      : more?.offset === start
        ? more.bytes.subarray(0, size)
        : undefined;
  for (let at = 0; sector && at + 128 <= sector.length; at += 128) {
    const nameLength = u16(sector, at + 0x40);
    if (sector[at + 0x42] !== 2 || nameLength < 2 || nameLength > 64) continue; // streams only
    const name = new TextDecoder("utf-16le").decode(sector.subarray(at, at + nameLength - 2));
    if (name === "WordDocument") return "doc";
    if (name === "Workbook" || name === "Book") return "xls";
  }
  return null;
}

/** Whether a key below a province's prefix (`evidence/…`) stays inside it: no empty, `.` or `..` segment, no control character. */
export function isKeyWithinProvince(key: string): boolean {
  if ([...key].some((c) => c.charCodeAt(0) < 0x20)) return false;
  return key.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
