import { randomUUID } from "node:crypto";
import { type BlocYearRecord, blocYearSaved, emptyBlocYear, memberJoined } from "../bloc/bloc-year.ts";
import type { ProvinceScope } from "../db/scope.ts";
import { commit, createItem } from "../db/write.ts";
import { AppError, conflict } from "../error.ts";
import { unitCreated } from "../unit/index.ts";
import type { Unit } from "../unit/unit.rules.ts";
import { chunkRows, itemsOfRow, membersAfter, type PlannedRow } from "./import.rules.ts";
import { type BlocYearBefore, isLost, type Job, jobStep, updateOwned } from "./job-item.ts";
import { importLockTaken } from "./lock.ts";
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

/** Creates the job item, with the province's import lock, before any unit is written. */
export async function createJob(
  scope: ProvinceScope,
  importId: string,
  year: number,
  total: number,
  blocYearsBefore: BlocYearBefore[],
  at = new Date(),
): Promise<Job> {
  const owner = randomUUID();
  const now = at.toISOString();
  const { actor } = scope;
  await commit(scope, [
    createItem(
      "importJob",
      {
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
      },
      { conflict: () => conflict("import.id_taken", "An import with this id exists") },
    ),
    importLockTaken(importId, at),
  ]);
  return { scope, importId, year, owner };
}

/** The error of a row whose write met a concurrent change. */
const rowConflict = (row: number, field: "name" | "bloc", message: string) => () =>
  conflict("import.conflict", `Row ${row} conflicts with a concurrent change`, [
    { path: `rows.${row}.${field}`, message },
  ]);

/** Writes one chunk: its units (with their audit records) and membership markers, and the job's progress. */
async function writeChunk(job: Job, chunk: PlannedRow[], done: number) {
  const now = new Date().toISOString();
  const rows = chunk.flatMap((r) => {
    const unit: Unit = {
      unitId: r.unitId,
      name: r.name,
      ...(r.shortName ? { shortName: r.shortName } : {}),
      kind: r.kind,
      discipline: {},
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return [
      ...unitCreated(unit, {
        id: rowConflict(r.row, "name", "import.unit_exists"),
        name: rowConflict(r.row, "name", "import.unit_exists"),
      }),
      ...(r.blocId
        ? [memberJoined(job.year, r.unitId, r.blocId, rowConflict(r.row, "bloc", "import.unit_in_other_bloc"))]
        : []),
    ];
  });
  const progress = { done: done + chunk.length, heartbeatAt: now, phase: "units" } as const;
  await commit(job.scope, [jobStep(job, progress, { createdUnitIds: chunk.map((r) => r.unitId) }), ...rows], now);
}

/** Sets one affected bloc-year's members (version condition, audit record) and records it on the job. */
async function applyBlocYear(job: Job, before: BlocYearBefore, plan: PlannedRow[]) {
  const now = new Date().toISOString();
  const base = before.item ?? { ...emptyBlocYear(before.blocId, job.year), updatedAt: now };
  const after: BlocYearRecord = {
    ...base,
    memberUnitIds: membersAfter(base.memberUnitIds, plan, before.blocId),
    updatedAt: now,
    version: base.version + 1,
  };
  const first = plan.find((r) => r.blocId === before.blocId);
  const changed = () =>
    conflict("import.conflict", `The members of ${before.blocId} in ${job.year} changed during the import`, [
      { path: first ? `rows.${first.row}.bloc` : "rows", message: "import.bloc_year_changed" },
    ]);
  await commit(
    job.scope,
    [
      jobStep(job, { heartbeatAt: now, phase: "members" }, { appliedBlocIds: [before.blocId] }),
      blocYearSaved(base, after, changed),
    ],
    now,
  );
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
  await orRollBack(job, () => {
    const now = new Date().toISOString();
    return updateOwned(job, { status: "done", phase: "finished", heartbeatAt: now, finishedAt: now });
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
