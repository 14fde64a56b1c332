import type { BlocYearRecord } from "../bloc/bloc-year.ts";
import type { ProvinceEntities, ProvinceItem } from "../db/province.ts";
import type { ProvinceScope } from "../db/scope.ts";
import { type Change, isConditionFailure } from "../db/write.ts";
import { AppError, conflict } from "../error.ts";

/*
 * What the import job's steps share: the job a process drives, the condition
 * that it still owns it, and reading it back. Every transaction of a job also
 * updates the job item under that condition, so the job item always says
 * what exists, and a job taken over by a recovery can no longer be written by
 * its old driver.
 */

export type ImportJobItem = ProvinceItem<"importJob">;

/** An affected bloc's year before the import; `item` is null when it was never saved. */
export interface BlocYearBefore {
  blocId: string;
  item: BlocYearRecord | null;
}

export interface Job {
  /** The province, as the actor driving (or recovering) the job reaches it. */
  scope: ProvinceScope;
  importId: string;
  year: number;
  /** This process's claim on the job. */
  owner: string;
}

type JobUpdate = ReturnType<ProvinceEntities["importJob"]["update"]>;
type JobChanges = Parameters<JobUpdate["set"]>[0];
type JobLists = Parameters<JobUpdate["append"]>[0];
type JobWhere = Parameters<ReturnType<JobUpdate["set"]>["where"]>[0];

/** The condition every write of a driver carries: the job still runs and is still ours. */
const owned =
  (owner: string): JobWhere =>
  (attr, op) =>
    `${op.eq(attr.status, "running")} AND ${op.eq(attr.owner, owner)}`;

const LOST = "This import was taken over by a recovery";
/** The driver no longer owns the job: a recovery took it over. */
export const lostJob = () => conflict("import.conflict", LOST);
export const isLost = (error: unknown) => error instanceof AppError && error.message === LOST;

/** The job's own update within a step's transaction, on the condition that this process still owns it. */
export const jobStep = (job: Job, changes: JobChanges, appended?: JobLists): Change => ({
  write: (tx) => {
    const update = tx.importJob.update({ importId: job.importId }).set(changes);
    return (appended ? update.append(appended) : update).where(owned(job.owner)).commit();
  },
  conflict: lostJob,
});

/** Updates the job alone if this process still owns it. */
export async function updateOwned(job: Job, changes: JobChanges): Promise<void> {
  try {
    await job.scope.db.importJob.update({ importId: job.importId }).set(changes).where(owned(job.owner)).go();
  } catch (error) {
    if (isConditionFailure(error)) throw lostJob();
    throw error;
  }
}

export async function readJob(scope: ProvinceScope, importId: string): Promise<ImportJobItem | null> {
  const { data } = await scope.db.importJob.get({ importId }).go({ consistent: true });
  return data;
}
