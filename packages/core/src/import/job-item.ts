import type { Actor } from "../actor.ts";
import { type Db, tenantDb } from "../db/index.ts";
import { AppError, conflict } from "../error.ts";
import type { BlocYearRecord, ImportJobItem } from "./import-job.entity.ts";

export type { BlocYearRecord };

/*
 * What the import job's steps share: the job a process drives, the condition
 * that it still owns it, and reading it back. Every transaction of a job also
 * updates the job item under that condition, so the job item always says
 * what exists, and a job taken over by a recovery can no longer be written by
 * its old driver.
 */

/** An affected bloc's year before the import; `item` is null when it was never saved. */
export interface BlocYearBefore {
  blocId: string;
  item: BlocYearRecord | null;
}

export interface Job {
  actor: Actor;
  tenantId: string;
  importId: string;
  year: number;
  /** This process's claim on the job. */
  owner: string;
}

export const key = (job: Pick<Job, "tenantId" | "importId">) => ({ tenantId: job.tenantId, importId: job.importId });
export const db = (job: Pick<Job, "tenantId">): Db => tenantDb(job.tenantId);

type JobWhere = Parameters<ReturnType<ReturnType<Db["entities"]["importJob"]["update"]>["set"]>["where"]>[0];
/** The condition every write of a driver carries: the job still runs and is still ours. */
export const owned =
  (owner: string): JobWhere =>
  (attr, op) =>
    `${op.eq(attr.status, "running")} AND ${op.eq(attr.owner, owner)}`;

const LOST = "This import was taken over by a recovery";
/** The driver no longer owns the job: a recovery took it over. */
export const lostJob = () => conflict("import.conflict", LOST);
export const isLost = (error: unknown) => error instanceof AppError && error.message === LOST;

export const view = (record: BlocYearRecord | null) => {
  if (!record) return undefined;
  const { rules: _rules, updatedAt: _updatedAt, ...rest } = record;
  return rest;
};

export async function readJob(ref: Pick<Job, "tenantId" | "importId">): Promise<ImportJobItem | null> {
  const { data } = await db(ref).entities.importJob.get(key(ref)).go({ consistent: true });
  return data;
}
