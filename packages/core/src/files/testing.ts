import { crc32, deflateSync } from "node:zlib";
import type { S3Client } from "./storage.ts";

/*
 * Small real files for tests (a dependency rule keeps them out of the product): each is built the way its
 * format says, so a test proves recognition on bytes a real reader would accept.
 */

const text = (s: string) => new TextEncoder().encode(s);
const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function le(values: [number, 2 | 4][]): Uint8Array {
  const out = Buffer.alloc(values.reduce((n, [, size]) => n + size, 0));
  let at = 0;
  for (const [value, size] of values) {
    if (size === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value >>> 0, at);
    at += size;
  }
  return new Uint8Array(out);
}

/** A one-page PDF with a correct cross-reference table. */
export function samplePdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return text(body);
}

/** A 1×1 PNG: signature, IHDR, IDAT, IEND, each chunk with its CRC. */
export function samplePng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const typed = concat([text(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk("IEND", new Uint8Array()),
  ]);
}

/** A 1×1 GIF. */
export const sampleGif = (): Uint8Array =>
  new Uint8Array(Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"));

/** The start of a JPEG/JFIF file (the signature is all recognition reads). */
export const sampleJpeg = (): Uint8Array =>
  concat([
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    text("JFIF\0"),
    new Uint8Array(9),
    new Uint8Array([0xff, 0xd9]),
  ]);

/** The header of a lossless WebP. */
export const sampleWebp = (): Uint8Array => concat([text("RIFF"), le([[12, 4]]), text("WEBPVP8L"), new Uint8Array(8)]);

/** A Windows program's header. */
export const sampleExe = (): Uint8Array => concat([text("MZ"), new Uint8Array(58), le([[64, 4]]), text("PE\0\0")]);

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/**
 * A zip of stored entries. With `descriptors`, sizes follow each entry's data (as streaming writers do), so
 * only the central directory at the end tells where entries are.
 */
export function sampleZip(entries: ZipEntry[], { descriptors = false } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = text(entry.name);
    const data = typeof entry.data === "string" ? text(entry.data) : entry.data;
    const crc = crc32(data);
    const flags = 0x800 | (descriptors ? 0x08 : 0); // UTF-8 names
    const [c, s] = descriptors ? [0, 0] : [crc, data.length];
    const local = concat([
      le([
        [0x04034b50, 4],
        [20, 2],
        [flags, 2],
        [0, 2],
        [0, 2],
        [0, 2],
        [c, 4],
        [s, 4],
        [s, 4],
      ]),
      le([
        [name.length, 2],
        [0, 2],
      ]),
      name,
      data,
      descriptors
        ? le([
            [0x08074b50, 4],
            [crc, 4],
            [data.length, 4],
            [data.length, 4],
          ])
        : new Uint8Array(),
    ]);
    centrals.push(
      concat([
        le([
          [0x02014b50, 4],
          [20, 2],
          [20, 2],
          [flags, 2],
          [0, 2],
          [0, 2],
          [0, 2],
        ]),
        le([
          [crc, 4],
          [data.length, 4],
          [data.length, 4],
          [name.length, 2],
          [0, 2],
          [0, 2],
        ]),
        le([
          [0, 2],
          [0, 2],
          [0, 4],
          [offset, 4],
        ]),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = concat(centrals);
  const end = le([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [entries.length, 2],
    [entries.length, 2],
    [central.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return concat([...locals, central, end]);
}

const CONTENT_TYPES = { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types/>' };

/** A Word package's entries (not a document Word opens: recognition reads names only). */
export const sampleDocx = (options?: { descriptors?: boolean; before?: ZipEntry[] }) =>
  sampleZip([CONTENT_TYPES, ...(options?.before ?? []), { name: "word/document.xml", data: "<w:document/>" }], options);

/** An Excel package's entries. */
export const sampleXlsx = (options?: { descriptors?: boolean }) =>
  sampleZip([CONTENT_TYPES, { name: "xl/workbook.xml", data: "<workbook/>" }], options);

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * An OLE compound file (version 3, 512-byte sectors) whose directory holds the root and empty streams of
 * the given names. `directorySector` moves the directory further into the file, as large documents have it.
 */
export function sampleCompound(streams: string[], { directorySector = 1 } = {}): Uint8Array {
  const SECTOR = 512;
  const header = new Uint8Array(SECTOR);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  header.set(
    le([
      [0x3e, 2],
      [3, 2],
      [0xfffe, 2],
      [9, 2],
      [6, 2],
    ]),
    0x18,
  );
  header.set(
    le([
      [1, 4],
      [directorySector, 4],
      [0, 4],
      [4096, 4],
      [END_OF_CHAIN, 4],
      [0, 4],
      [END_OF_CHAIN, 4],
      [0, 4],
    ]),
    0x2c,
  );
  header.set(le([[0, 4], ...Array.from({ length: 108 }, (): [number, 4] => [FREE, 4])]), 0x4c);

  const fat = new Uint8Array(SECTOR).fill(0xff);
  fat.set(le([[0xfffffffd, 4]]), 0); // sector 0 is the FAT itself
  fat.set(le([[END_OF_CHAIN, 4]]), directorySector * 4);

  const directory = new Uint8Array(SECTOR);
  const names = ["Root Entry", ...streams];
  names.forEach((name, i) => {
    const entry = new Uint8Array(128);
    const encoded = Buffer.from(`${name}\0`, "utf16le");
    entry.set(encoded.subarray(0, 64));
    const last = i === names.length - 1;
    entry.set(le([[Math.min(encoded.length, 64), 2]]), 0x40);
    entry[0x42] = i === 0 ? 5 : 2; // root storage, then streams
    entry[0x43] = 1; // black
    // A chain of right siblings under the root, simple and valid enough for readers.
    entry.set(
      le([
        [FREE, 4],
        [i === 0 || last ? FREE : i + 1, 4],
        [i === 0 && names.length > 1 ? 1 : FREE, 4],
      ]),
      0x44,
    );
    entry.set(
      le([
        [END_OF_CHAIN, 4],
        [0, 4],
      ]),
      0x74,
    );
    directory.set(entry, i * 128);
  });
  const filler = new Uint8Array(SECTOR * (directorySector - 1));
  return concat([header, fat, filler, directory]);
}

/** A new empty bucket on the S3 server `client` talks to: another deployment's, for tests that move a province. */
export async function createBucketForTests(client: S3Client, bucket: string): Promise<void> {
  const { CreateBucketCommand } = await import("@aws-sdk/client-s3");
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
}
