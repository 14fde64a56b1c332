import { randomUUID } from "node:crypto";
import type { Actor } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { isConditionFailure, rejectedCondition } from "../db/index.ts";
import { AppError, conflict, type FieldIssue } from "../error.ts";
import type { Unit } from "../unit/unit.rules.ts";
import { chunkRows, itemsOfRow, membersAfter, type PlannedRow } from "./import.rules.ts";
import {
  type BlocYearBefore,
  type BlocYearRecord,
  db,
  isLost,
  type Job,
  key,
  lostJob,
  owned,
  view,
} from "./job-item.ts";
import { rollBack } from "./rollback.ts";

/* The forward side of an import job: create it, write its chunks and bloc-years, finish it. */

export interface DriveOptions {
  /**
   * Test seam, called after each committed chunk. A throw here models the
   * process dying at that point: the job is left running, exactly as a crash
   * would leave it, for the stale-job recovery to roll back.
   */
  afterChunk?: (chunk: number) => void | Promise<void>;
}

/** Creates the job item, before any unit is written. */
export async function createJob(
  actor: Actor,
  tenantId: string,
  importId: string,
  year: number,
  total: number,
  blocYearsBefore: BlocYearBefore[],
): Promise<Job> {
  const owner = randomUUID();
  const now = new Date().toISOString();
  try {
    await db({ tenantId })
      .entities.importJob.create({
        tenantId,
        importId,
        year,
        status: "running",
        phase: "units",
        total,
        done: 0,
        createdUnitIds: [],
        blocYearsBefore,
        appliedBlocIds: [],
        owner,
        heartbeatAt: now,
        actorId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        startedAt: now,
      })
      .go();
  } catch (error) {
    if (isConditionFailure(error)) throw conflict("import.id_taken", "An import with this id exists");
    throw error;
  }
  return { actor, tenantId, importId, year, owner };
}

/** Writes one chunk: its units, their audit records and membership markers, and the job's progress. */
async function writeChunk(job: Job, chunk: PlannedRow[], done: number) {
  const now = new Date().toISOString();
  const { tenantId, year } = job;
  const positions: (FieldIssue | null)[] = [null];
  const result = await db(job)
    .transaction.write(({ importJob, unit, audit, membership }) => [
      importJob
        .update(key(job))
        .set({ done: done + chunk.length, heartbeatAt: now, phase: "units" })
        .append({ createdUnitIds: chunk.map((r) => r.unitId) })
        .where(owned(job.owner))
        .commit(),
      ...chunk.flatMap((r) => {
        const created: Unit = {
          unitId: r.unitId,
          name: r.name,
          ...(r.shortName ? { shortName: r.shortName } : {}),
          kind: r.kind,
          discipline: {},
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        positions.push(
          { path: `rows.${r.row}.name`, message: "import.unit_exists" },
          { path: `rows.${r.row}.name`, message: "import.conflict" },
        );
        if (r.blocId) positions.push({ path: `rows.${r.row}.bloc`, message: "import.unit_in_other_bloc" });
        return [
          unit.create({ tenantId, ...created }).commit(),
          audit
            .create(auditItem(job.actor, { action: "create", entity: "unit", entityId: r.unitId, after: created }, now))
            .commit(),
          ...(r.blocId ? [membership.create({ tenantId, year, unitId: r.unitId, blocId: r.blocId }).commit()] : []),
        ];
      }),
    ])
    .go();
  if (!result.canceled) return;
  const index = rejectedCondition(result);
  if (index === 0) throw lostJob();
  const field = index > 0 ? positions[index] : undefined;
  if (field)
    throw conflict("import.conflict", `Row ${field.path.split(".")[1]} conflicts with a concurrent change`, [field]);
  throw new Error(`Import chunk canceled: ${result.data.map((r) => r.code).join(", ")}`);
}

/** Sets one affected bloc-year's members (version condition, audit record) and records it on the job. */
async function applyBlocYear(job: Job, before: BlocYearBefore, plan: PlannedRow[]) {
  const now = new Date().toISOString();
  const { tenantId, year } = job;
  const base: BlocYearRecord = before.item ?? {
    blocId: before.blocId,
    year,
    memberUnitIds: [],
    deputyUnitIds: [],
    status: "planning",
    updatedAt: now,
    version: 0,
  };
  const after: BlocYearRecord = {
    ...base,
    memberUnitIds: membersAfter(base.memberUnitIds, plan, before.blocId),
    updatedAt: now,
    version: base.version + 1,
  };
  const result = await db(job)
    .transaction.write(({ importJob, blocYear, audit }) => [
      importJob
        .update(key(job))
        .set({ heartbeatAt: now, phase: "members" })
        .append({ appliedBlocIds: [before.blocId] })
        .where(owned(job.owner))
        .commit(),
      blocYear
        .put({ tenantId, ...after })
        .where((attr, op) => (base.version === 0 ? op.notExists(attr.version) : op.eq(attr.version, base.version)))
        .commit(),
      audit
        .create(
          auditItem(
            job.actor,
            {
              action: base.version === 0 ? "create" : "update",
              entity: "blocYear",
              entityId: `${before.blocId}/${year}`,
              before: view(base),
              after: view(after),
            },
            now,
          ),
        )
        .commit(),
    ])
    .go();
  if (!result.canceled) return;
  const index = rejectedCondition(result);
  if (index === 0) throw lostJob();
  if (index === 1) {
    const first = plan.find((r) => r.blocId === before.blocId);
    throw conflict("import.conflict", `The members of ${before.blocId} in ${year} changed during the import`, [
      { path: first ? `rows.${first.row}.bloc` : "rows", message: "import.bloc_year_changed" },
    ]);
  }
  throw new Error(`Import bloc-year write canceled: ${result.data.map((r) => r.code).join(", ")}`);
}

/**
 * Runs a created job to the end: the chunks of units, then one transaction per
 * affected bloc-year, then `done`. On a failure it rolls back what it wrote
 * and rethrows (a conflict as `import.conflict` naming the row when known).
 */
export async function driveJob(
  job: Job,
  plan: PlannedRow[],
  befores: BlocYearBefore[],
  options: DriveOptions = {},
): Promise<void> {
  const chunks = chunkRows(plan, itemsOfRow);
  let done = 0;
  for (const [i, chunk] of chunks.entries()) {
    await orRollBack(job, () => writeChunk(job, chunk, done));
    done += chunk.length;
    await options.afterChunk?.(i);
  }
  for (const before of befores) await orRollBack(job, () => applyBlocYear(job, before, plan));
  await orRollBack(job, async () => {
    try {
      await db(job)
        .entities.importJob.update(key(job))
        .set({
          status: "done",
          phase: "finished",
          heartbeatAt: new Date().toISOString(),
          finishedAt: new Date().toISOString(),
        })
        .where(owned(job.owner))
        .go();
    } catch (error) {
      if (isConditionFailure(error)) throw lostJob();
      throw error;
    }
  });
}

/** Runs a step; if it fails, rolls the job back (unless another process owns it now) and rethrows. */
async function orRollBack(job: Job, step: () => Promise<void>) {
  try {
    await step();
  } catch (error) {
    if (!isLost(error)) {
      const errors =
        error instanceof AppError && error.fields ? error.fields : [{ path: "job", message: "import.failed" }];
      // A rollback that fails leaves the job running; its heartbeat goes stale and the next read rolls it back.
      await rollBack(job, errors).catch(() => undefined);
    }
    throw error;
  }
}
