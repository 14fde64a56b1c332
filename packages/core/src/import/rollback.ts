import { randomUUID } from "node:crypto";
import { type BlocYearRecord, blocYearDeleted, blocYearSaved, blocYearView, memberLeft } from "../bloc/bloc-year.ts";
import type { ProvinceScope } from "../db/scope.ts";
import { commit, isConditionFailure } from "../db/write.ts";
import { AppError, conflict, type FieldIssue } from "../error.ts";
import { unitDeleted } from "../unit/index.ts";
import { chunkRows, isStale } from "./import.rules.ts";
import {
  type BlocYearBefore,
  type ImportJobItem,
  type Job,
  jobStep,
  lostJob,
  readJob,
  updateOwned,
} from "./job-item.ts";
import { releaseImportLock } from "./lock.ts";

/* The way back: undo what a job item says exists, by its driver after a failure or by a recovery. */

const ROLLBACK_ITEMS_PER_UNIT = 4; // unit, its name, its audit record, membership marker
const RESTORE_ATTEMPTS = 3;

/**
 * Undoes what the job item says exists, step by step, each step in one
 * transaction with the job's update: first the bloc-years it changed, then its
 * units and markers in chunks. Ends `rolled_back`, or `failed` when a
 * bloc-year could not be restored.
 */
export async function rollBack(job: Job, errors: FieldIssue[]): Promise<"rolled_back" | "failed"> {
  const now = () => new Date().toISOString();
  await updateOwned(job, { phase: "rollback", heartbeatAt: now(), errors });
  const item = await readJob(job.scope, job.importId);
  if (!item) throw lostJob();
  const created = new Set(item.createdUnitIds);
  const befores = item.blocYearsBefore as BlocYearBefore[];

  let applied = [...item.appliedBlocIds];
  for (const blocId of item.appliedBlocIds) {
    applied = applied.filter((id) => id !== blocId);
    const before = befores.find((b) => b.blocId === blocId) ?? { blocId, item: null };
    const restored = await restoreBlocYear(job, before, created, applied);
    if (!restored) {
      await updateOwned(job, {
        status: "failed",
        phase: "finished",
        heartbeatAt: now(),
        finishedAt: now(),
        errors: [...errors, { path: `blocs.${blocId}`, message: "import.restore_failed" }],
      });
      return "failed";
    }
  }

  let remaining = [...item.createdUnitIds];
  for (const chunk of chunkRows(item.createdUnitIds, () => ROLLBACK_ITEMS_PER_UNIT)) {
    remaining = remaining.slice(chunk.length);
    await deleteUnits(job, chunk, remaining);
  }
  await updateOwned(job, { status: "rolled_back", phase: "finished", heartbeatAt: now(), finishedAt: now() });
  return "rolled_back";
}

/** Deletes created units with their markers, an audit record each, and records what remains on the job. */
async function deleteUnits(job: Job, unitIds: string[], remaining: string[]) {
  const now = new Date().toISOString();
  const { data: units } = await job.scope.db.unit.get(unitIds.map((unitId) => ({ unitId }))).go({ consistent: true });
  const byId = new Map(units.map((u) => [u.unitId, u]));
  await commit(
    job.scope,
    [
      jobStep(job, { createdUnitIds: remaining, heartbeatAt: now }),
      ...unitIds.flatMap((unitId) => {
        const unit = byId.get(unitId);
        // A unit gone already (never written, or removed since) has nothing of its own left to delete.
        return [...(unit ? unitDeleted(unit) : []), memberLeft(job.year, unitId)];
      }),
    ],
    now,
  );
}

/** The bloc-year moved while a restore was being written: read it again. */
const moved = () => conflict("bloc_year.stale", "The bloc-year moved during the rollback");

/**
 * Puts a bloc-year back. Untouched since the import wrote it: back to what it
 * was (deleted if it did not exist). Edited since: that edit is kept, only the
 * job's units leave it. False when it kept moving under every attempt.
 */
async function restoreBlocYear(
  job: Job,
  before: BlocYearBefore,
  created: ReadonlySet<string>,
  appliedAfter: string[],
): Promise<boolean> {
  for (let attempt = 0; attempt < RESTORE_ATTEMPTS; attempt++) {
    const now = new Date().toISOString();
    const { data: current } = await job.scope.db.blocYear
      .get({ blocId: before.blocId, year: job.year })
      .go({ consistent: true });
    const written = (before.item?.version ?? 0) + 1;
    const next: BlocYearRecord | null = !current
      ? null
      : current.version === written
        ? before.item && { ...before.item, updatedAt: now, version: current.version + 1 }
        : {
            ...current,
            memberUnitIds: current.memberUnitIds.filter((id) => !created.has(id)),
            ...(current.leaderUnitId && created.has(current.leaderUnitId) ? { leaderUnitId: undefined } : {}),
            deputyUnitIds: current.deputyUnitIds.filter((id) => !created.has(id)),
            updatedAt: now,
            version: current.version + 1,
          };
    const restore = current
      ? [next ? blocYearSaved(current, next, moved) : blocYearDeleted(blocYearView(current), moved)]
      : [];
    try {
      await commit(job.scope, [jobStep(job, { appliedBlocIds: appliedAfter, heartbeatAt: now }), ...restore], now);
      return true;
    } catch (error) {
      // The bloc-year moved, or another transaction held it: read it again.
      const moving = error instanceof AppError && ["bloc_year.stale", "transaction.conflict"].includes(error.code);
      if (!moving) throw error;
    }
  }
  return false;
}

/**
 * Takes over a running job whose heartbeat is stale and rolls it back. False
 * when the job is not stale or another process claimed it first.
 */
export async function recoverStaleJob(scope: ProvinceScope, item: ImportJobItem, now = new Date()): Promise<boolean> {
  if (item.status !== "running" || !isStale(item.heartbeatAt, now)) return false;
  const owner = randomUUID();
  const errors = (item.errors as FieldIssue[] | undefined) ?? [{ path: "job", message: "import.interrupted" }];
  try {
    await scope.db.importJob
      .update({ importId: item.importId })
      .set({ owner, heartbeatAt: new Date().toISOString(), phase: "rollback", errors })
      .where(
        (attr, op) =>
          `${op.eq(attr.status, "running")} AND ${op.eq(attr.owner, item.owner)} AND ${op.eq(attr.heartbeatAt, item.heartbeatAt)}`,
      )
      .go();
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  await rollBack({ scope, importId: item.importId, year: item.year, owner }, errors);
  // The dead process held the province's import lock: the next import may start.
  await releaseImportLock(scope, item.importId);
  return true;
}
