/*
 * A plain POSIX tar (ustar), written and read as a stream: an archive holds a whole province, evidence files
 * included, so neither side ever has all of it in memory. Entry names are short and ASCII (the manifest maps
 * them to what they hold), so no long-name extension is needed; `tar -tf` lists any archive made here.
 */

const BLOCK = 512;
const NAME_MAX = 100;

import type { Chunks } from "../files/province-files.ts";

export type { Chunks };

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

/** The 512-byte header of a regular file entry. */
export function tarHeader(name: string, size: number, mtime: Date): Uint8Array {
  if (!/^[\x21-\x7e]+$/.test(name) || name.length > NAME_MAX) throw new Error(`Not a tar entry name: ${name}`);
  if (!Number.isSafeInteger(size) || size < 0 || size >= 8 ** 11) throw new Error(`Not a tar entry size: ${size}`);
  const header = new Uint8Array(BLOCK);
  const put = (text: string, at: number) => header.set(new TextEncoder().encode(text), at);
  put(name, 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
  put("        ", 148); // the checksum counts its own field as spaces
  put("0", 156);
  put("ustar\0", 257);
  put("00", 263);
  const sum = header.reduce((total, byte) => total + byte, 0);
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return header;
}

/** Writes entries one after the other to `sink`; each entry's bytes must add up to its declared size. */
export class TarWriter {
  constructor(
    private readonly sink: (chunk: Uint8Array) => Promise<void>,
    private readonly mtime = new Date(),
  ) {}

  async entry(name: string, size: number, body: Uint8Array | Chunks): Promise<void> {
    await this.sink(tarHeader(name, size, this.mtime));
    let written = 0;
    for await (const chunk of body instanceof Uint8Array ? [body] : body) {
      written += chunk.byteLength;
      if (written > size) throw new Error(`Entry ${name} is longer than its declared ${size} bytes`);
      await this.sink(chunk);
    }
    if (written !== size) throw new Error(`Entry ${name} has ${written} bytes, not its declared ${size}`);
    if (padding(size)) await this.sink(new Uint8Array(padding(size)));
  }

  /** The two zero blocks that end an archive. */
  async end(): Promise<void> {
    await this.sink(new Uint8Array(BLOCK * 2));
  }
}

/** Pulls exact byte counts out of a stream of chunks of any size. */
class ByteReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly source: AsyncIterator<Uint8Array>;

  constructor(chunks: Chunks) {
    this.source = chunks[Symbol.asyncIterator]();
  }

  /** Up to `max` bytes (fewer only at the end of the stream, none there). */
  async some(max: number): Promise<Uint8Array> {
    // A stream may deliver empty chunks: only its end has no more bytes.
    while (this.buffer.byteLength === 0) {
      const next = await this.source.next();
      if (next.done) return new Uint8Array(0);
      this.buffer = next.value;
    }
    const out = this.buffer.subarray(0, max);
    this.buffer = this.buffer.subarray(out.byteLength);
    return out;
  }

  async exactly(count: number): Promise<Uint8Array> {
    const out = new Uint8Array(count);
    let at = 0;
    while (at < count) {
      const part = await this.some(count - at);
      if (part.byteLength === 0) throw new Error("The archive ends in the middle of an entry");
      out.set(part, at);
      at += part.byteLength;
    }
    return out;
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** The entry's bytes; read it (or not) before asking for the next entry. */
  body: Chunks;
}

function parseHeader(header: Uint8Array): { name: string; size: number; type: string } {
  const text = (from: number, length: number) =>
    new TextDecoder().decode(header.subarray(from, from + length)).replace(/\0.*$/s, "");
  const stored = Number.parseInt(text(148, 8).trim(), 8);
  const sum = header.reduce((total, byte, i) => total + (i >= 148 && i < 156 ? 32 : byte), 0);
  if (stored !== sum) throw new Error("Not a tar archive, or a damaged one (a header's checksum is wrong)");
  const size = Number.parseInt(text(124, 12).trim() || "0", 8);
  return { name: text(0, NAME_MAX), size, type: text(156, 1) || "0" };
}

/** The regular file entries of a tar stream, in order (directories and other kinds are refused). */
export async function* readTar(chunks: Chunks): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(chunks);
  for (;;) {
    const first = await reader.some(BLOCK);
    if (first.byteLength === 0) throw new Error("The archive ends without its end marker");
    const header = first.byteLength === BLOCK ? first : concat(first, await reader.exactly(BLOCK - first.byteLength));
    if (header.every((byte) => byte === 0)) return;
    const { name, size, type } = parseHeader(header);
    if (type !== "0") throw new Error(`The archive holds an entry that is not a file: ${name}`);
    let left = size;
    let consumed = false;
    async function* body() {
      consumed = true;
      while (left > 0) {
        const part = await reader.some(left);
        if (part.byteLength === 0) throw new Error("The archive ends in the middle of an entry");
        left -= part.byteLength;
        yield part;
      }
    }
    yield { name, size, body: body() };
    if (!consumed) for await (const _ of body());
    else if (left > 0) throw new Error(`Entry ${name} was not read to its end`);
    await reader.exactly(padding(size));
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/** All of an entry's bytes, for the small ones (the manifest, a file of at most 20 MB). */
export async function bytesOf(body: Chunks): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of body) parts.push(part);
  const whole = Buffer.concat(parts);
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}

/** Passes a stream on, feeding each chunk to `see` (a hash, a count) on the way. */
export async function* tapped(body: Chunks, see: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    see(chunk);
    yield chunk;
  }
}
