import { type Actor, assertRole } from "../actor.ts";
import { boardOnly, provinceScope } from "../db/scope.ts";
import { conflict, notFound, parseInput } from "../error.ts";
import { presignArchiveDownload, presignArchiveUpload } from "../files/province-files.ts";
import { getTenant, readTenant, recordExport } from "../tenant/index.ts";
import { TenantId } from "../tenant/tenant.rules.ts";
import {
  type ArchiveJob,
  archiveFileName,
  EraseProvinceInput,
  ImportArchiveInput,
  isJobStale,
} from "./archive.rules.ts";
import { type DriveOptions, drive } from "./drive.ts";
import { type ArchiveJobItem, busyJob, claimJob, createJob, jobsOf, readJob, toView } from "./job.ts";

export * from "./archive.rules.ts";
export { type DriveOptions, Stopped } from "./drive.ts";

/*
 * Moving a province whole: an export to one archive (by the operator, or by the province's board for its
 * own), an import of such an archive into a deployment that does not have the province, and the erase of an
 * archived province once exported (the operator's). Each is a job: the request creates it and hands it to
 * the runner, and whoever started it follows its progress.
 */

/**
 * Starts a job's driver, `runArchiveJob`, without waiting for it: the local runtime in its own process, the
 * API on AWS by invoking a function of its own. Resolves once the job is handed over.
 */
export type ArchiveRunner = (job: { tenantId: string; jobId: string }) => Promise<void>;

/**
 * Drives a job: a waiting one, a failed one run again, or a running one whose driver died (no heartbeat for
 * `ARCHIVE_JOB_STALE_SECONDS`). A job another driver holds, or one that is done, is left alone.
 */
export async function runArchiveJob(
  tenantId: string,
  jobId: string,
  options: DriveOptions & { now?: Date } = {},
): Promise<void> {
  const job = await readJob(tenantId, jobId);
  if (!job) return;
  const now = options.now ?? new Date();
  const stopped = job.status === "failed" || (job.status === "running" && isJobStale(job.heartbeatAt, now));
  if (job.status !== "waiting" && !stopped) return;
  const driver = await claimJob(job, now);
  if (driver) await drive(driver, job, options);
}

/** Runs jobs in this process (the local runtime, tests); `settled` waits for those started. */
export function inProcessRunner(onError: (error: unknown) => void) {
  const running = new Set<Promise<void>>();
  const run: ArchiveRunner = async ({ tenantId, jobId }) => {
    const job: Promise<void> = runArchiveJob(tenantId, jobId)
      .catch(onError)
      .finally(() => running.delete(job));
    running.add(job);
  };
  return { run, settled: async () => void (await Promise.all(running)) };
}

async function jobOf(tenantId: string, jobId: string): Promise<ArchiveJobItem> {
  const job = TenantId.safeParse(tenantId).success ? await readJob(tenantId, jobId) : null;
  if (!job) throw notFound("archive.not_found");
  return job;
}

const busy = () => conflict("archive.busy", "Another job of this province is running; wait for it to finish");

async function assertIdle(tenantId: string) {
  if (busyJob(await jobsOf(tenantId))) throw busy();
}

type ArchiveJobDetail = ArchiveJob & { download?: { url: string; expiresAt: string } };

/** A job's view, with a link to download the archive once an export is done. */
async function withDownload(job: ArchiveJobItem): Promise<ArchiveJobDetail> {
  const view = toView(job);
  if (job.kind !== "export" || job.status !== "done") return view;
  const fileName = archiveFileName(job.tenantId, job.startedAt);
  return { ...view, download: await presignArchiveDownload(job.archiveKey, fileName) };
}

/** A job as the operator reads it. */
export async function getArchiveJob(actor: Actor, tenantId: string, jobId: string): Promise<ArchiveJobDetail> {
  assertRole(actor, ["operator"]);
  return withDownload(await jobOf(tenantId, jobId));
}

export async function listArchiveJobs(actor: Actor, tenantId: string): Promise<ArchiveJob[]> {
  assertRole(actor, ["operator"]);
  if (!TenantId.safeParse(tenantId).success) throw notFound("tenant.not_found");
  const now = new Date();
  return (await jobsOf(tenantId)).map((job) => toView(job, now));
}

/** Exports the province (any status but erased) to one archive. */
export async function startExport(actor: Actor, tenantId: string, run: ArchiveRunner): Promise<ArchiveJob> {
  assertRole(actor, ["operator"]);
  const tenant = await getTenant(actor, tenantId);
  if (tenant.status === "erased") throw conflict("tenant.erased", "This province's data was erased");
  await assertIdle(tenantId);
  const job = await createJob(actor, tenantId, "export");
  await recordExport(actor, tenantId);
  await run(job);
  return toView(job);
}

/** The board exports its own province, as the operator would; the platform's trail records who did. */
export async function startOwnExport(actor: Actor, run: ArchiveRunner): Promise<ArchiveJob> {
  const { tenantId } = provinceScope(actor, boardOnly);
  await assertIdle(tenantId);
  const job = await createJob(actor, tenantId, "export");
  await recordExport(actor, tenantId);
  await run(job);
  return toView(job);
}

/** The board's own province's exports, newest first (not the operator's imports and erases). */
export async function listOwnExports(actor: Actor): Promise<ArchiveJob[]> {
  const { tenantId } = provinceScope(actor, boardOnly);
  const now = new Date();
  return (await jobsOf(tenantId)).filter((job) => job.kind === "export").map((job) => toView(job, now));
}

export async function getOwnExport(actor: Actor, jobId: string): Promise<ArchiveJobDetail> {
  const { tenantId } = provinceScope(actor, boardOnly);
  const job = await readJob(tenantId, jobId);
  if (job?.kind !== "export") throw notFound("archive.not_found");
  return withDownload(job);
}

/**
 * Prepares the import of an archive as province `tenantId`, which this deployment must not have (or have
 * erased): answers the job and where to upload the archive; `runImport` starts it once uploaded.
 */
export async function prepareImport(actor: Actor, tenantId: string, input: unknown) {
  assertRole(actor, ["operator"]);
  const { size } = parseInput(ImportArchiveInput, input);
  if (!TenantId.safeParse(tenantId).success) throw notFound("tenant.not_found");
  const tenant = await readTenant(tenantId);
  if (tenant && tenant.status !== "erased")
    throw conflict("archive.province_exists", "This deployment has this province already: import into a new one");
  await assertIdle(tenantId);
  const job = await createJob(actor, tenantId, "import");
  return { job: toView(job), upload: await presignArchiveUpload(job.archiveKey, size) };
}

/** Starts an import whose archive is uploaded; it checks the archive whole before it writes anything. */
export async function runImport(actor: Actor, tenantId: string, jobId: string, run: ArchiveRunner) {
  assertRole(actor, ["operator"]);
  const job = await jobOf(tenantId, jobId);
  if (job.kind !== "import" || job.status !== "waiting")
    throw conflict("archive.not_waiting", "This job is not an import waiting for its archive");
  await assertIdle(tenantId);
  await run(job);
  return toView(job);
}

/**
 * Runs again a job that failed or whose process died (no heartbeat for a while): it goes on from its last
 * recorded step (an export starts over).
 */
export async function resumeArchiveJob(actor: Actor, tenantId: string, jobId: string, run: ArchiveRunner) {
  assertRole(actor, ["operator"]);
  const job = await jobOf(tenantId, jobId);
  const stale = job.status === "running" && isJobStale(job.heartbeatAt, new Date());
  if (job.status !== "failed" && !stale)
    throw conflict("archive.not_stale", "Only a job that failed or whose process stopped can be resumed");
  await run(job);
  return toView(job);
}

/**
 * Deletes every item and file of an archived province, once an export made after its archiving is done.
 * The registry keeps the province as `erased`, and the platform's trail records the erase.
 */
export async function eraseProvince(
  actor: Actor,
  tenantId: string,
  input: unknown,
  run: ArchiveRunner,
): Promise<ArchiveJob> {
  assertRole(actor, ["operator"]);
  const { version } = parseInput(EraseProvinceInput, input);
  const tenant = await getTenant(actor, tenantId);
  if (tenant.version !== version) throw conflict("tenant.stale", "The province was changed by someone else");
  if (tenant.status !== "archived") throw conflict("tenant.erase_needs_archive", "Only an archived province is erased");
  const jobs = await jobsOf(tenantId);
  if (busyJob(jobs)) throw busy();
  const exported = jobs.some((j) => j.kind === "export" && j.status === "done" && j.startedAt >= tenant.updatedAt);
  if (!exported)
    throw conflict("archive.export_needed", "Export the province (after archiving it) before erasing its data");
  // The job's end records the erase in the platform's trail, with the registry entry it leaves.
  const job = await createJob(actor, tenantId, "erase");
  await run(job);
  return toView(job);
}
