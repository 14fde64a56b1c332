import { randomUUID } from "node:crypto";
import type { Actor } from "../actor.ts";
import { type PlatformItem, type PlatformTx, platformEntities, platformWriter } from "../db/platform.ts";
import { commitWith, isConditionFailure } from "../db/write.ts";
import { conflict, type FieldIssue } from "../error.ts";
import { archiveObjectKey } from "../files/province-files.ts";
import { type ArchiveJob, type archiveJobKinds, isJobStale } from "./archive.rules.ts";

/*
 * The job item of an export, import or erase, and its driver's claim on it: every write a driver makes is
 * conditioned on the job still running under its owner id, so a job resumed by another process (its driver
 * having died) can no longer be written by the old one.
 */

export type ArchiveJobItem = PlatformItem<"archiveJob">;
type Kind = (typeof archiveJobKinds)[number];
type Progress = Partial<
  Pick<
    ArchiveJobItem,
    "status" | "phase" | "done" | "total" | "checkpoint" | "archiveBytes" | "archiveSha256" | "finishedAt"
  >
> & { errors?: FieldIssue[] };

/** The operator who started the job, as the platform's audit records name them. */
export const starterOf = (job: ArchiveJobItem): Actor => ({
  userId: job.actorId,
  email: "",
  name: job.actorName,
  role: "operator",
});

/** A driver's hold on its job. */
export interface Driver {
  tenantId: string;
  jobId: string;
  owner: string;
}

const LOST = "This archive job was resumed by another process";
/** The driver no longer owns its job: another process resumed it. */
export const isLost = (error: unknown) => error instanceof Error && error.message === LOST;

/** How long a claim holds the province's lock without a heartbeat: past Lambda's 15 minutes, with margin. */
const LOCK_MINUTES = 20;
const lockUntil = (now: Date) => new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();

export async function createJob(actor: Actor, tenantId: string, kind: Kind): Promise<ArchiveJobItem> {
  const jobId = randomUUID();
  const now = new Date().toISOString();
  const item = {
    tenantId,
    jobId,
    kind,
    status: "waiting" as const,
    phase: kind === "import" ? ("upload" as const) : ("items" as const),
    done: 0,
    total: 0,
    checkpoint: 0,
    archiveKey: archiveObjectKey(tenantId, jobId),
    owner: randomUUID(),
    heartbeatAt: now,
    actorId: actor.userId,
    actorName: actor.name,
    startedAt: now,
  };
  await platformEntities().archiveJob.create(item).go();
  return item;
}

export async function readJob(tenantId: string, jobId: string): Promise<ArchiveJobItem | null> {
  const { data } = await platformEntities().archiveJob.get({ tenantId, jobId }).go({ consistent: true });
  return data;
}

/** The province's jobs, newest first (a province has a handful in its life). */
export async function jobsOf(tenantId: string): Promise<ArchiveJobItem[]> {
  const { data } = await platformEntities().archiveJob.query.byId({ tenantId }).go({ pages: "all" });
  return data.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Whether a job of the province is running and alive (its driver wrote recently). */
export const busyJob = (jobs: ArchiveJobItem[], now = new Date()) =>
  jobs.find((j) => j.status === "running" && !isJobStale(j.heartbeatAt, now));

/**
 * Takes the job for a new driver (a waiting job, a failed one run again, a running one whose driver stopped
 * beating) with the province's lock, in one transaction: of two resumes at once, one drives (the other
 * answers undefined). While another job of the province holds the lock, this one is marked failed with
 * `archive.busy`, to be run again later, and undefined is answered too.
 */
export async function claimJob(job: ArchiveJobItem, now = new Date()): Promise<Driver | undefined> {
  const owner = randomUUID();
  const { tenantId, jobId } = job;
  const taken = conflict("archive.busy", "Another process took this job meanwhile");
  const locked = conflict("archive.busy", "Another job of this province is running");
  try {
    await commitWith<PlatformTx>(platformWriter(starterOf(job)), [
      {
        write: (tx) =>
          tx.archiveJob
            .patch({ tenantId, jobId })
            .set({ status: "running", owner, heartbeatAt: now.toISOString(), errors: [] })
            .where((attr, op) => `${op.eq(attr.owner, job.owner)} AND ${op.eq(attr.heartbeatAt, job.heartbeatAt)}`)
            .commit(),
        conflict: () => taken,
      },
      {
        write: (tx) =>
          tx.archiveLock
            .put({ tenantId, jobId, until: lockUntil(now) })
            .where(
              (attr, op) =>
                `${op.notExists(attr.jobId)} OR ${op.eq(attr.jobId, jobId)} OR ${op.lt(attr.until, now.toISOString())}`,
            )
            .commit(),
        conflict: () => locked,
      },
    ]);
  } catch (error) {
    if (error === taken) return undefined;
    if (error !== locked) throw error;
    await platformEntities()
      .archiveJob.patch({ tenantId, jobId })
      .set({ status: "failed", errors: [{ path: "job", message: "archive.busy" }], finishedAt: now.toISOString() })
      .where((attr, op) => `${op.eq(attr.owner, job.owner)} AND ${op.eq(attr.heartbeatAt, job.heartbeatAt)}`)
      .go();
    return undefined;
  }
  return { tenantId, jobId, owner };
}

/** Gives the province's lock back once the job ends (if this job still holds it). */
export async function releaseLock(driver: Driver): Promise<void> {
  await platformEntities()
    .archiveLock.delete({ tenantId: driver.tenantId })
    .where((attr, op) => op.eq(attr.jobId, driver.jobId))
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** The driver's heartbeat, every half minute while it drives: the job's, and the lock held longer. */
export async function beat(driver: Driver): Promise<void> {
  await report(driver, {});
  await platformEntities()
    .archiveLock.patch({ tenantId: driver.tenantId })
    .set({ until: lockUntil(new Date()) })
    .where((attr, op) => op.eq(attr.jobId, driver.jobId))
    .go();
}

/** Writes progress (and a heartbeat) if this driver still owns the job. */
export async function report(driver: Driver, progress: Progress): Promise<void> {
  try {
    await platformEntities()
      .archiveJob.patch({ tenantId: driver.tenantId, jobId: driver.jobId })
      .set({ ...progress, heartbeatAt: new Date().toISOString() })
      .where((attr, op) => `${op.eq(attr.status, "running")} AND ${op.eq(attr.owner, driver.owner)}`)
      .go();
  } catch (error) {
    if (isConditionFailure(error)) throw new Error(LOST);
    throw error;
  }
}

export function toView(item: ArchiveJobItem, now = new Date()): ArchiveJob {
  const errors = item.errors as FieldIssue[] | undefined;
  return {
    jobId: item.jobId,
    tenantId: item.tenantId,
    kind: item.kind,
    status: item.status,
    phase: item.phase,
    done: item.done,
    total: item.total,
    stale: item.status === "running" && isJobStale(item.heartbeatAt, now),
    ...(item.archiveBytes !== undefined
      ? { archive: { bytes: item.archiveBytes, ...(item.archiveSha256 ? { sha256: item.archiveSha256 } : {}) } }
      : {}),
    ...(errors?.length ? { errors: errors.map(({ path, message }) => ({ path, message })) } : {}),
    actorName: item.actorName,
    startedAt: item.startedAt,
    heartbeatAt: item.heartbeatAt,
    ...(item.finishedAt ? { finishedAt: item.finishedAt } : {}),
  };
}
