import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesOf, readTar, TarWriter } from "./tar.ts";

async function pack(entries: { name: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const tar = new TarWriter(async (chunk) => {
    parts.push(chunk.slice());
  });
  for (const { name, bytes } of entries) await tar.entry(name, bytes.byteLength, bytes);
  await tar.end();
  return new Uint8Array(Buffer.concat(parts));
}

/** The archive cut into chunks of the given sizes, as a network stream delivers it (an empty one now and then). */
async function* chunked(bytes: Uint8Array, sizes: number[], empties = false) {
  let at = 0;
  for (let i = 0; at < bytes.byteLength; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    if (empties && i % 3 === 0) yield new Uint8Array(0);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function unpack(chunks: AsyncIterable<Uint8Array>) {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for await (const entry of readTar(chunks)) out.push({ name: entry.name, bytes: await bytesOf(entry.body) });
  return out;
}

const entry = fc.record({
  name: fc.stringMatching(/^[a-z0-9][a-z0-9._/-]{0,60}$/),
  bytes: fc.uint8Array({ maxLength: 2000 }),
});

describe("tar", () => {
  it("reads back what it wrote, whatever the sizes of the chunks the stream delivers, empty ones included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 1500 }), { minLength: 1 }),
        fc.boolean(),
        async (entries, sizes, empties) => {
          const archive = await pack(entries);
          expect(await unpack(chunked(archive, sizes, empties))).toEqual(entries);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("writes archives the system's tar lists and extracts byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tar-"));
    try {
      const entries = [
        { name: "items/unit.jsonl", bytes: new TextEncoder().encode('{"pk":{"S":"T#x#UNITS"}}\n') },
        { name: "files/1", bytes: new Uint8Array(1300).map((_, i) => i % 251) },
        { name: "manifest.json", bytes: new TextEncoder().encode("{}") },
      ];
      writeFileSync(join(dir, "a.tar"), await pack(entries));
      expect(
        execFileSync("tar", ["-tf", join(dir, "a.tar")], { encoding: "utf8" })
          .trim()
          .split("\n"),
      ).toEqual(entries.map((e) => e.name));
      const extracted = execFileSync("tar", ["-xOf", join(dir, "a.tar"), "files/1"]);
      expect(new Uint8Array(extracted)).toEqual(entries[1]?.bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads an archive the system's tar made", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tar-"));
    try {
      writeFileSync(join(dir, "hello.txt"), "xin chào");
      const made = execFileSync("tar", ["--format=ustar", "-cf", "-", "-C", dir, "hello.txt"]);
      const [only, ...rest] = await unpack(chunked(new Uint8Array(made), [700]));
      expect(rest).toEqual([]);
      expect(only?.name).toBe("hello.txt");
      expect(new TextDecoder().decode(only?.bytes)).toBe("xin chào");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a damaged header, a cut archive and an entry longer than declared", async () => {
    const archive = await pack([{ name: "a", bytes: new Uint8Array(10) }]);
    const damaged = archive.slice();
    damaged[3] = 0x41;
    await expect(unpack(chunked(damaged, [512]))).rejects.toThrow(/checksum/);
    await expect(unpack(chunked(archive.subarray(0, 600), [512]))).rejects.toThrow(/ends/);
    const tar = new TarWriter(async () => {});
    await expect(tar.entry("b", 2, new Uint8Array(3))).rejects.toThrow(/longer/);
    await expect(tar.entry("c", 4, new Uint8Array(3))).rejects.toThrow(/not its declared/);
  });
});
