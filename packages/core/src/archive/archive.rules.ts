import { z } from "zod";
import { SavedVersion } from "../edit/edit.rules.ts";
import type { FieldIssue } from "../error.ts";
import { isKeyWithinProvince } from "../files/files.rules.ts";
import { TenantId, TenantStatus } from "../tenant/tenant.rules.ts";

/*
 * A province archive: one tar holding the province's items as DynamoDB JSON Lines, one file per entity
 * (`items/<entity>.jsonl`), its files (`files/<n>`), and last `manifest.json`, which lists every part with its
 * size and SHA-256. An import reads the archive whole and checks it against the manifest before it writes
 * anything.
 */

export const ARCHIVE_FORMAT = "thidua-province-archive";
export const MANIFEST_PATH = "manifest.json";

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const ItemsPart = z.object({
  kind: z.literal("items"),
  path: z.string().regex(/^items\/[A-Za-z0-9_-]{1,64}\.jsonl$/),
  /** The ElectroDB entity of its items (`__edb_e__`), or `other`. */
  entity: z.string(),
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
});

const FilePart = z.object({
  kind: z.literal("file"),
  path: z.string().regex(/^files\/[0-9]{1,9}$/),
  /** Where the file lives below the province's prefix `T/<tenantId>/`. */
  key: z.string().min(1).max(900).refine(isKeyWithinProvince),
  contentType: z.string().max(200),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
});

export const ArchivePart = z.discriminatedUnion("kind", [ItemsPart, FilePart]);
export type ArchivePart = z.infer<typeof ArchivePart>;

export const ArchiveManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(1),
  /** The fingerprint of the schemas the items were stored under; another deployment's must be the same. */
  schemaVersion: z.string(),
  province: z.object({ tenantId: TenantId, name: z.string(), status: TenantStatus }),
  exportedAt: z.string(),
  items: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  parts: z.array(ArchivePart),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

/** What reading an entry found: its size and its SHA-256. */
export interface SeenPart {
  bytes: number;
  sha256: string;
}

/**
 * Why an archive may not be imported into `tenantId` under `schemaVersion`: each problem a field issue naming
 * the part (`parts.items/unit.jsonl`) or the manifest's field. Empty when every part is there, intact and
 * listed.
 */
export function archiveProblems(
  manifest: ArchiveManifest,
  seen: ReadonlyMap<string, SeenPart>,
  expected: { tenantId: string; schemaVersion: string },
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (manifest.schemaVersion !== expected.schemaVersion)
    problems.push({ path: "schemaVersion", message: "archive.schema_mismatch" });
  if (manifest.province.tenantId !== expected.tenantId)
    problems.push({ path: "province.tenantId", message: "archive.other_province" });
  const listed = new Set<string>();
  for (const part of manifest.parts) {
    if (listed.has(part.path)) problems.push({ path: `parts.${part.path}`, message: "archive.part_duplicate" });
    listed.add(part.path);
    const found = seen.get(part.path);
    if (!found) problems.push({ path: `parts.${part.path}`, message: "archive.part_missing" });
    else if (found.bytes !== part.bytes || found.sha256 !== part.sha256)
      problems.push({ path: `parts.${part.path}`, message: "archive.checksum_mismatch" });
  }
  for (const path of seen.keys())
    if (!listed.has(path)) problems.push({ path: `parts.${path}`, message: "archive.part_unlisted" });
  const items = manifest.parts.reduce((n, p) => n + (p.kind === "items" ? p.count : 0), 0);
  const files = manifest.parts.filter((p) => p.kind === "file").length;
  if (items !== manifest.items || files !== manifest.files)
    problems.push({ path: "parts", message: "archive.counts_mismatch" });
  return problems;
}

// --- Jobs ---

export const archiveJobKinds = ["export", "import", "erase"] as const;
export const archiveJobStatuses = ["waiting", "running", "done", "failed"] as const;
/** `upload`: an import waiting for its archive; `verify`: reading it whole against its manifest. */
export const archiveJobPhases = ["upload", "items", "files", "verify", "registry", "finished"] as const;

/** A running job whose driver has not written for this long is taken as dead: it may be resumed. */
export const ARCHIVE_JOB_STALE_SECONDS = 120;

export const isJobStale = (heartbeatAt: string, now: Date) =>
  now.getTime() - Date.parse(heartbeatAt) > ARCHIVE_JOB_STALE_SECONDS * 1000;

export const ArchiveJob = z
  .object({
    jobId: z.string(),
    tenantId: TenantId,
    kind: z.enum(archiveJobKinds),
    status: z.enum(archiveJobStatuses),
    phase: z.enum(archiveJobPhases),
    /** Items and files handled so far, of `total` (0 while unknown). */
    done: z.number().int(),
    total: z.number().int(),
    /** A running job whose process stopped: resume it. */
    stale: z.boolean(),
    /** The archive, once written or uploaded. */
    archive: z.object({ bytes: z.number().int(), sha256: z.string().optional() }).optional(),
    /** Why it failed: a code per problem, naming the part or field (`parts.files/3`). */
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    actorName: z.string(),
    startedAt: z.string(),
    heartbeatAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: "ArchiveJob" });
export type ArchiveJob = z.infer<typeof ArchiveJob>;

/** The name an archive downloads as: the province and the day it was made. */
export const archiveFileName = (tenantId: string, startedAt: string) =>
  `thidua-${tenantId}-${startedAt.slice(0, 10)}.tar`;

/** The largest archive S3 takes in one upload. */
export const ARCHIVE_MAX_BYTES = 5 * 1024 ** 3;

export const ImportArchiveInput = z.object({
  /** The archive's size in bytes: the upload URL is signed for exactly this size. */
  size: z.number().int().min(1024).max(ARCHIVE_MAX_BYTES),
});
export type ImportArchiveInput = z.input<typeof ImportArchiveInput>;

export const EraseProvinceInput = z.object({
  /** The province's version the operator last read (its archiving); a stale one answers 409. */
  version: SavedVersion,
});
export type EraseProvinceInput = z.input<typeof EraseProvinceInput>;
