import {
  deleteProvinceItems,
  provinceHasItems,
  provinceItemPages,
  provinceSchemaVersion,
} from "../db/province-items.ts";
import type { FieldIssue } from "../error.ts";
import {
  archiveObjectSize,
  deleteProvinceFiles,
  openArchiveUpload,
  provinceFilePages,
  readArchiveObject,
} from "../files/province-files.ts";
import { adoptTenant, isNameFree, markErased, readTenant } from "../tenant/index.ts";
import { writeArchive } from "./export.ts";
import { verifyArchive, writeParts } from "./import.ts";
import { type ArchiveJobItem, beat, type Driver, isLost, releaseLock, report, starterOf } from "./job.ts";

/*
 * The drivers of the three jobs. Each writes progress as it goes; whatever it throws marks the job failed,
 * except a `Stopped` (a test standing for a process that dies: the job stays running, its heartbeat goes
 * stale, and a resume takes it over).
 */

export interface DriveOptions {
  /** Test seam, called after each step that is recorded (an import's part, a page erased, …). */
  afterStep?: (step: number) => void | Promise<void>;
}

export class Stopped extends Error {}

async function step(options: DriveOptions, n: number) {
  try {
    await options.afterStep?.(n);
  } catch (error) {
    throw new Stopped(error instanceof Error ? error.message : String(error));
  }
}

/** Writes a progress report at most every second (the end is reported apart). */
function throttled(driver: Driver) {
  let last = 0;
  return async (progress: Parameters<typeof report>[1]) => {
    if (Date.now() - last < 1000) return;
    last = Date.now();
    await report(driver, progress);
  };
}

/** How often a driver beats while it works: well within `ARCHIVE_JOB_STALE_SECONDS`, so long steps look alive. */
const BEAT_MS = 30_000;

export class JobFailed extends Error {
  constructor(readonly problems: FieldIssue[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join(", "));
  }
}

async function driveExport(driver: Driver, job: ArchiveJobItem) {
  const province = await readTenant(job.tenantId);
  if (!province) throw new JobFailed([{ path: "tenantId", message: "tenant.not_found" }]);
  const upload = await openArchiveUpload(job.archiveKey);
  const progress = throttled(driver);
  try {
    const { manifest, bytes, sha256 } = await writeArchive(province, upload, (p) => progress(p));
    await upload.finish();
    const now = new Date().toISOString();
    const total = manifest.items + manifest.files;
    await report(driver, {
      status: "done",
      phase: "finished",
      done: total,
      total,
      archiveBytes: bytes,
      archiveSha256: sha256,
      finishedAt: now,
    });
  } catch (error) {
    await upload.abort().catch(() => undefined);
    throw error;
  }
}

async function driveImport(driver: Driver, job: ArchiveJobItem, options: DriveOptions) {
  const bytes = await archiveObjectSize(job.archiveKey);
  if (bytes === null) throw new JobFailed([{ path: "archive", message: "archive.not_uploaded" }]);
  // Before its first write (recorded as the `items` phase), an import may still be refused whole.
  const writing = job.phase !== "upload" && job.phase !== "verify";
  await report(driver, { archiveBytes: bytes, ...(writing ? {} : { phase: "verify" as const }) });
  const expected = { tenantId: job.tenantId, schemaVersion: provinceSchemaVersion() };
  const { manifest, problems } = await verifyArchive(await readArchiveObject(job.archiveKey), expected);
  if (!manifest || problems.length) throw new JobFailed(problems);
  if (!writing) await refuseUnwritable(job.tenantId, manifest.province.name);
  const total = manifest.items + manifest.files;
  const counts = manifest.parts.map((p) => (p.kind === "items" ? p.count : 1));
  const doneAfter = (n: number) => counts.slice(0, n).reduce((a, b) => a + b, 0);
  await report(driver, { phase: "items", total, done: doneAfter(job.checkpoint) });
  await writeParts(job.tenantId, manifest, await readArchiveObject(job.archiveKey), job.checkpoint, async (n, part) => {
    await report(driver, { phase: part.kind === "items" ? "items" : "files", checkpoint: n, done: doneAfter(n) });
    await step(options, n);
  });
  await report(driver, { phase: "registry" });
  await adoptTenant(starterOf(job), manifest.province);
  await report(driver, { status: "done", phase: "finished", finishedAt: new Date().toISOString() });
}

async function hasFiles(tenantId: string) {
  for await (const page of provinceFilePages(tenantId)) if (page.length) return true;
  return false;
}

/** What would stop an import midway, checked before it writes: a province there already, its name taken, data. */
async function refuseUnwritable(tenantId: string, name: string) {
  const existing = await readTenant(tenantId);
  if (existing && existing.status !== "erased")
    throw new JobFailed([{ path: "tenantId", message: "archive.province_exists" }]);
  if (!(await isNameFree(name, tenantId)))
    throw new JobFailed([{ path: "province.name", message: "tenant.name_taken" }]);
  if ((await provinceHasItems(tenantId)) || (await hasFiles(tenantId)))
    throw new JobFailed([{ path: "tenantId", message: "archive.province_not_empty" }]);
}

async function driveErase(driver: Driver, job: ArchiveJobItem, options: DriveOptions) {
  // Restored since it was asked for? Once this job holds the lock, the province cannot leave `archived`.
  if ((await readTenant(job.tenantId))?.status !== "archived")
    throw new JobFailed([{ path: "tenantId", message: "tenant.erase_needs_archive" }]);
  let done = 0;
  let n = 0;
  for await (const page of provinceItemPages(job.tenantId)) {
    await deleteProvinceItems(job.tenantId, page);
    done += page.length;
    await report(driver, { phase: "items", done });
    await step(options, ++n);
  }
  for await (const page of provinceFilePages(job.tenantId)) {
    await deleteProvinceFiles(
      job.tenantId,
      page.map((f) => f.key),
    );
    done += page.length;
    await report(driver, { phase: "files", done });
    await step(options, ++n);
  }
  await report(driver, { phase: "registry", total: done });
  await markErased(starterOf(job), job.tenantId);
  await report(driver, { status: "done", phase: "finished", finishedAt: new Date().toISOString() });
}

/**
 * Drives a claimed job to its end, beating meanwhile; a failure is recorded on the job, with what went wrong,
 * and the province's lock is given back. A driver that lost its job to a resume stops quietly.
 */
export async function drive(driver: Driver, job: ArchiveJobItem, options: DriveOptions = {}): Promise<void> {
  const heartbeat = setInterval(() => void beat(driver).catch(() => undefined), BEAT_MS);
  try {
    if (job.kind === "export") await driveExport(driver, job);
    else if (job.kind === "import") await driveImport(driver, job, options);
    else await driveErase(driver, job, options);
    await releaseLock(driver);
  } catch (error) {
    if (error instanceof Stopped) throw error;
    if (isLost(error)) return;
    const errors = error instanceof JobFailed ? error.problems : [{ path: "job", message: "archive.failed" }];
    await report(driver, { status: "failed", errors, finishedAt: new Date().toISOString() }).catch(() => undefined);
    await releaseLock(driver);
    if (!(error instanceof JobFailed)) throw error;
  } finally {
    clearInterval(heartbeat);
  }
}
