import { createHash } from "node:crypto";
import { provinceItemPages, provinceSchemaVersion, type StoredItem } from "../db/province-items.ts";
import { type ArchiveUpload, provinceFilePages, readProvinceFile } from "../files/province-files.ts";
import type { Tenant } from "../tenant/tenant.rules.ts";
import { ARCHIVE_FORMAT, type ArchiveManifest, type ArchivePart, MANIFEST_PATH } from "./archive.rules.ts";
import { TarWriter, tapped } from "./tar.ts";

/* Writes a whole province as one archive: its items per entity, its files, then the manifest. */

export type ExportProgress = (progress: { phase: "items" | "files"; done: number; total: number }) => Promise<void>;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const keyOf = (item: StoredItem) => `${item.pk?.S}\u0000${item.sk?.S}`;
const byKey = (a: StoredItem, b: StoredItem) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** The province's items grouped by entity, each group in key order (so two exports of the same data are equal). */
async function itemsByEntity(tenantId: string): Promise<Map<string, StoredItem[]>> {
  const groups = new Map<string, StoredItem[]>();
  for await (const page of provinceItemPages(tenantId))
    for (const item of page) {
      const entity = item.__edb_e__?.S ?? "other";
      const group = groups.get(entity) ?? [];
      group.push(item);
      groups.set(entity, group);
    }
  for (const group of groups.values()) group.sort(byKey);
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Writes the archive of `province` to `upload` and answers its manifest, its size and its SHA-256.
 * Items are read whole first (a province's items are megabytes; its files, streamed one by one, are not).
 */
export async function writeArchive(
  province: Pick<Tenant, "tenantId" | "name" | "status">,
  upload: Pick<ArchiveUpload, "write">,
  progress: ExportProgress,
): Promise<{ manifest: ArchiveManifest; bytes: number; sha256: string }> {
  const { tenantId } = province;
  const groups = await itemsByEntity(tenantId);
  const files = [];
  for await (const page of provinceFilePages(tenantId)) files.push(...page);
  const items = [...groups.values()].reduce((n, g) => n + g.length, 0);
  const total = items + files.length;

  const whole = createHash("sha256");
  let bytes = 0;
  const tar = new TarWriter(async (chunk) => {
    whole.update(chunk);
    bytes += chunk.byteLength;
    await upload.write(chunk);
  });
  const parts: ArchivePart[] = [];
  let done = 0;
  await progress({ phase: "items", done, total });
  for (const [entity, group] of groups) {
    const body = new TextEncoder().encode(group.map((item) => `${JSON.stringify(item)}\n`).join(""));
    const path = `items/${entity}.jsonl`;
    await tar.entry(path, body.byteLength, body);
    parts.push({ kind: "items", path, entity, count: group.length, bytes: body.byteLength, sha256: sha256(body) });
    done += group.length;
    await progress({ phase: "items", done, total });
  }
  for (const [i, file] of files.entries()) {
    const { size, contentType, body } = await readProvinceFile(tenantId, file.key);
    const hash = createHash("sha256");
    const path = `files/${i + 1}`;
    await tar.entry(
      path,
      size,
      tapped(body, (chunk) => hash.update(chunk)),
    );
    parts.push({ kind: "file", path, key: file.key, contentType, bytes: size, sha256: hash.digest("hex") });
    done += 1;
    await progress({ phase: "files", done, total });
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: 1,
    schemaVersion: provinceSchemaVersion(),
    province: { tenantId, name: province.name, status: province.status },
    exportedAt: new Date().toISOString(),
    items,
    files: files.length,
    parts,
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  await tar.entry(MANIFEST_PATH, manifestBytes.byteLength, manifestBytes);
  await tar.end();
  return { manifest, bytes, sha256: whole.digest("hex") };
}
