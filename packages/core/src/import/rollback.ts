import { randomUUID } from "node:crypto";
import type { Actor } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { isConditionFailure, rejectedCondition, tenantDb } from "../db/index.ts";
import type { FieldIssue } from "../error.ts";
import { chunkRows, isStale } from "./import.rules.ts";
import type { ImportJobItem } from "./import-job.entity.ts";
import {
  type BlocYearBefore,
  type BlocYearRecord,
  db,
  type Job,
  key,
  lostJob,
  owned,
  readJob,
  view,
} from "./job-item.ts";

/* The way back: undo what a job item says exists, by its driver after a failure or by a recovery. */

const ROLLBACK_ITEMS_PER_UNIT = 3; // unit, membership marker, audit record
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
  const item = await readJob(job);
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

type JobChanges = Parameters<ReturnType<ReturnType<typeof db>["entities"]["importJob"]["update"]>["set"]>[0];

/** Updates the job if this process still owns it. */
async function updateOwned(job: Job, changes: JobChanges) {
  try {
    await db(job).entities.importJob.update(key(job)).set(changes).where(owned(job.owner)).go();
  } catch (error) {
    if (isConditionFailure(error)) throw lostJob();
    throw error;
  }
}

/** Deletes created units with their markers, an audit record each, and records what remains on the job. */
async function deleteUnits(job: Job, unitIds: string[], remaining: string[]) {
  const now = new Date().toISOString();
  const { tenantId, year } = job;
  const { data: units } = await db(job)
    .entities.unit.get(unitIds.map((unitId) => ({ tenantId, unitId })))
    .go({ consistent: true });
  const byId = new Map(units.map(({ tenantId: _t, ...u }) => [u.unitId, u]));
  const result = await db(job)
    .transaction.write(({ importJob, unit, membership, audit }) => [
      importJob.update(key(job)).set({ createdUnitIds: remaining, heartbeatAt: now }).where(owned(job.owner)).commit(),
      ...unitIds.flatMap((unitId) => [
        unit.delete({ tenantId, unitId }).commit(),
        membership.delete({ tenantId, year, unitId }).commit(),
        audit
          .create(
            auditItem(job.actor, { action: "delete", entity: "unit", entityId: unitId, before: byId.get(unitId) }, now),
          )
          .commit(),
      ]),
    ])
    .go();
  if (!result.canceled) return;
  if (rejectedCondition(result) === 0) throw lostJob();
  throw new Error(`Import rollback canceled: ${result.data.map((r) => r.code).join(", ")}`);
}

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
  const { tenantId, year } = job;
  const written = (before.item?.version ?? 0) + 1;
  for (let attempt = 0; attempt < RESTORE_ATTEMPTS; attempt++) {
    const now = new Date().toISOString();
    const { data } = await db(job)
      .entities.blocYear.get({ tenantId, blocId: before.blocId, year })
      .go({ consistent: true });
    const current = data ? (({ tenantId: _t, ...rest }) => rest)(data) : null;
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
    const result = await db(job)
      .transaction.write(({ importJob, blocYear, audit }) => [
        importJob
          .update(key(job))
          .set({ appliedBlocIds: appliedAfter, heartbeatAt: now })
          .where(owned(job.owner))
          .commit(),
        ...(current
          ? [
              next
                ? blocYear
                    .put({ tenantId, ...next })
                    .where((attr, op) => op.eq(attr.version, current.version))
                    .commit()
                : blocYear
                    .delete({ tenantId, blocId: before.blocId, year })
                    .where((attr, op) => op.eq(attr.version, current.version))
                    .commit(),
              audit
                .create(
                  auditItem(
                    job.actor,
                    {
                      action: next ? "update" : "delete",
                      entity: "blocYear",
                      entityId: `${before.blocId}/${year}`,
                      before: view(current),
                      after: view(next),
                    },
                    now,
                  ),
                )
                .commit(),
            ]
          : []),
      ])
      .go();
    if (!result.canceled) return true;
    if (rejectedCondition(result) === 0) throw lostJob();
  }
  return false;
}

/**
 * Takes over a running job whose heartbeat is stale and rolls it back. False
 * when the job is not stale or another process claimed it first.
 */
export async function recoverStaleJob(actor: Actor, item: ImportJobItem, now = new Date()): Promise<boolean> {
  if (item.status !== "running" || !isStale(item.heartbeatAt, now)) return false;
  const owner = randomUUID();
  const errors = (item.errors as FieldIssue[] | undefined) ?? [{ path: "job", message: "import.interrupted" }];
  try {
    await tenantDb(item.tenantId)
      .entities.importJob.update(key(item))
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
  await rollBack({ actor, tenantId: item.tenantId, importId: item.importId, year: item.year, owner }, errors);
  return true;
}
