import { createHash } from "node:crypto";
import { belongsTo, putProvinceItems, type StoredItem } from "../db/province-items.ts";
import type { FieldIssue } from "../error.ts";
import { type Chunks, putProvinceFile } from "../files/province-files.ts";
import { ArchiveManifest, type ArchivePart, archiveProblems, MANIFEST_PATH, type SeenPart } from "./archive.rules.ts";
import { bytesOf, readTar, tapped } from "./tar.ts";

/* Reads an archive twice: first whole against its manifest, writing nothing; then part by part into the province. */

/** The lines of a text stream, decoded as UTF-8 across chunk boundaries (a bad byte fails the line's parse). */
async function* lines(body: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of body) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split("\n");
    rest = parts.pop() ?? "";
    yield* parts;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

function parseItem(line: string): StoredItem | undefined {
  try {
    const item: unknown = JSON.parse(line);
    return item && typeof item === "object" && !Array.isArray(item) ? (item as StoredItem) : undefined;
  } catch {
    return undefined;
  }
}

/** Hashes an entry; for items, also checks that every line is an item of the province. */
async function inspectEntry(tenantId: string, name: string, body: Chunks): Promise<SeenPart & { problem?: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  const counted = tapped(body, (chunk) => {
    hash.update(chunk);
    bytes += chunk.byteLength;
  });
  let problem: string | undefined;
  if (name.startsWith("items/")) {
    for await (const line of lines(counted)) {
      const item = parseItem(line);
      if (!item) problem ??= "archive.item_unreadable";
      else if (!belongsTo(tenantId, item)) problem ??= "archive.item_outside_province";
    }
  } else for await (const _ of counted);
  return { bytes, sha256: hash.digest("hex"), ...(problem ? { problem } : {}) };
}

/**
 * Reads the whole archive and answers its manifest with every problem found: a part missing, changed or
 * unlisted, an item of another province, another schema version. Nothing is written.
 */
export async function verifyArchive(
  chunks: Chunks,
  expected: { tenantId: string; schemaVersion: string },
): Promise<{ manifest?: ArchiveManifest; problems: FieldIssue[] }> {
  const seen = new Map<string, SeenPart>();
  const problems: FieldIssue[] = [];
  let manifest: ArchiveManifest | undefined;
  try {
    for await (const entry of readTar(chunks)) {
      if (entry.name === MANIFEST_PATH) {
        const parsed = ArchiveManifest.safeParse(parseItem(new TextDecoder().decode(await bytesOf(entry.body))));
        if (!parsed.success) return { problems: [{ path: MANIFEST_PATH, message: "archive.not_an_archive" }] };
        manifest = parsed.data;
        continue;
      }
      // A name seen twice: the write would take the first copy, which only the last is checked against.
      if (seen.has(entry.name)) problems.push({ path: `parts.${entry.name}`, message: "archive.part_duplicate" });
      const { problem, ...part } = await inspectEntry(expected.tenantId, entry.name, entry.body);
      seen.set(entry.name, part);
      if (problem) problems.push({ path: `parts.${entry.name}`, message: problem });
    }
  } catch {
    return { problems: [{ path: "archive", message: "archive.not_an_archive" }] };
  }
  if (!manifest) return { problems: [{ path: MANIFEST_PATH, message: "archive.not_an_archive" }] };
  return { manifest, problems: [...archiveProblems(manifest, seen, expected), ...problems] };
}

/** How many items are put per request group (4 batches of 25). */
const ITEMS_PER_WRITE = 100;

/**
 * Writes a verified archive's parts into the province, in archive order, from part `from` on; after each part
 * `afterPart(n)` records that the first n are written. Every write puts an item or a file as the archive holds
 * it, so a part written twice (a driver that died before recording it) ends the same.
 */
export async function writeParts(
  tenantId: string,
  manifest: ArchiveManifest,
  chunks: Chunks,
  from: number,
  afterPart: (written: number, part: ArchivePart) => Promise<void>,
): Promise<void> {
  const parts = new Map(manifest.parts.map((p) => [p.path, p]));
  let index = 0;
  for await (const entry of readTar(chunks)) {
    const part = parts.get(entry.name);
    if (!part) continue; // the manifest itself
    index += 1;
    if (index <= from) continue;
    if (part.kind === "items") {
      let batch: StoredItem[] = [];
      for await (const line of lines(entry.body)) {
        batch.push(parseItem(line) as StoredItem);
        if (batch.length === ITEMS_PER_WRITE) {
          await putProvinceItems(tenantId, batch);
          batch = [];
        }
      }
      await putProvinceItems(tenantId, batch);
    } else {
      await putProvinceFile(tenantId, part.key, await bytesOf(entry.body), part.contentType);
    }
    await afterPart(index, part);
  }
}
