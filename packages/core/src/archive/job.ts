import { randomUUID } from "node:crypto";
import type { Actor } from "../actor.ts";
import { type PlatformItem, platformEntities } from "../db/platform.ts";
import { isConditionFailure } from "../db/write.ts";
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

/** A driver's hold on its job. */
export interface Driver {
  tenantId: string;
  jobId: string;
  owner: string;
}

const LOST = "This archive job was resumed by another process";
export const isLost = (error: unknown) => error instanceof Error && error.message === LOST;

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
 * Takes the job for a new driver: a waiting job, or a running one whose driver stopped beating. The
 * condition settles two resumes at once: one of them drives.
 */
export async function claimJob(job: ArchiveJobItem, now = new Date()): Promise<Driver> {
  const owner = randomUUID();
  try {
    await platformEntities()
      .archiveJob.patch({ tenantId: job.tenantId, jobId: job.jobId })
      .set({ status: "running", owner, heartbeatAt: now.toISOString() })
      .where((attr, op) => `${op.eq(attr.owner, job.owner)} AND ${op.eq(attr.heartbeatAt, job.heartbeatAt)}`)
      .go();
  } catch (error) {
    if (isConditionFailure(error)) throw conflict("archive.busy", "Another process took this job meanwhile");
    throw error;
  }
  return { tenantId: job.tenantId, jobId: job.jobId, owner };
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
