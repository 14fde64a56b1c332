import { randomUUID } from "node:crypto";
import type { Actor } from "../actor.ts";
import { blocsOf } from "../bloc/bloc.ts";
import { getAll } from "../db/read.ts";
import { boardOnly, type ProvinceScope, provinceScope } from "../db/scope.ts";
import { conflict, type FieldIssue, invalid, notFound, parseInput } from "../error.ts";
import { compareVietnamese } from "../text/index.ts";
import { unitsOf } from "../unit/index.ts";
import {
  type ImportContext,
  ImportInput,
  type ImportJobView,
  type ImportPreview,
  type ImportResult,
  isStale,
  validateRows,
} from "./import.rules.ts";
import { createJob, type DriveOptions, driveJob } from "./job.ts";
import { type BlocYearBefore, type ImportJobItem, readJob } from "./job-item.ts";
import { releaseImportLock } from "./lock.ts";
import { recoverStaleJob } from "./rollback.ts";
import { decodeFile, readSheet } from "./sheet.ts";
import { buildTemplate } from "./template.ts";

export * from "./import.rules.ts";
export { TEMPLATE_FILE_NAME, XLSX_CONTENT_TYPE } from "./template.ts";

export interface ImportOptions extends DriveOptions {
  /** Called once the job exists, before its first unit is written. */
  onStart?: (importId: string) => void;
}

/** What the checks need from the province: units, blocs, the year's bloc-years and memberships. */
async function importContext(scope: ProvinceScope, year: number) {
  const { db } = scope;
  const [units, blocs, memberships] = await Promise.all([
    unitsOf(scope),
    blocsOf(scope),
    db.membership.query.byYear({ year }).go({ pages: "all" }),
  ]);
  const years = await getAll(
    blocs.map((b) => ({ blocId: b.blocId, year })),
    (keys) => db.blocYear.get(keys).go({ consistent: true }),
  );
  const blocYears = new Map(years.map((y) => [y.blocId, y]));
  const ctx: ImportContext = {
    units,
    blocs,
    blocYears: new Map([...blocYears].map(([id, y]) => [id, { status: y.status, members: y.memberUnitIds.length }])),
    memberships: new Map(memberships.data.map((m) => [m.unitId, m.blocId])),
  };
  return { ctx, blocYears };
}

/**
 * Rolls back the province's abandoned imports (which gives back their lock); refuses to start while
 * another one is alive. The lock taken next makes two imports started together exclusive.
 */
async function settleRunningJobs(scope: ProvinceScope) {
  const { data } = await scope.db.importJob.query
    .byId({})
    .where((attr, op) => op.eq(attr.status, "running"))
    .go({ pages: "all" });
  for (const job of data) {
    if (!isStale(job.heartbeatAt, new Date()))
      throw conflict("import.busy", "Another import of this province is running; wait for it to finish");
    await recoverStaleJob(scope, job);
  }
}

/**
 * Imports units (and their bloc membership for `year`) from an .xlsx sheet.
 * Everything is checked before anything is written; `dryRun` stops there and
 * returns the preview. The write is a recoverable job: either every row ends
 * up imported, or the job is rolled back and nothing of it remains.
 */
export async function importUnits(
  actor: Actor,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportPreview | ImportResult> {
  const scope = provinceScope(actor, boardOnly);
  const { file, year, dryRun, importId: requested } = parseInput(ImportInput, input);
  if (!dryRun) await settleRunningJobs(scope);
  const rows = await readSheet(decodeFile(file));
  const { ctx, blocYears } = await importContext(scope, year);
  const { problems, plan } = validateRows(rows, ctx);
  if (problems.length)
    throw invalid("import.invalid", `The sheet has ${problems.length} problem(s); nothing was imported`, problems);
  if (dryRun) {
    const blocName = new Map(ctx.blocs.map((b) => [b.blocId, b.name]));
    return {
      rows: plan.map(({ unitId: _id, ...row }) => ({
        ...row,
        ...(row.blocId ? { blocName: blocName.get(row.blocId) } : {}),
      })),
      total: plan.length,
    };
  }
  const affected = [...new Set(plan.flatMap((r) => (r.blocId ? [r.blocId] : [])))];
  const befores: BlocYearBefore[] = affected.map((blocId) => ({ blocId, item: blocYears.get(blocId) ?? null }));
  const importId = requested ?? randomUUID();
  const job = await createJob(scope, importId, year, plan.length, befores);
  try {
    options.onStart?.(importId);
    await driveJob(job, plan, befores, options);
  } finally {
    await releaseImportLock(scope, importId);
  }
  return { importId, status: "done", created: plan.length };
}

function toView(item: ImportJobItem): ImportJobView {
  const errors = item.errors as FieldIssue[] | undefined;
  return {
    importId: item.importId,
    status: item.status,
    phase: item.phase,
    year: item.year,
    total: item.total,
    done: item.done,
    ...(errors?.length ? { errors } : {}),
    startedAt: item.startedAt,
    ...(item.finishedAt ? { finishedAt: item.finishedAt } : {}),
  };
}

/**
 * An import's progress, for polling. A running job whose process stopped
 * beating more than a minute ago is rolled back first, and reported so.
 */
export async function getImport(actor: Actor, importId: string): Promise<ImportJobView> {
  const scope = provinceScope(actor, boardOnly);
  const item = await readJob(scope, importId);
  if (!item) throw notFound("import.not_found");
  if (item.status === "running" && isStale(item.heartbeatAt, new Date())) {
    await recoverStaleJob(scope, item);
    const after = await readJob(scope, importId);
    if (after) return toView(after);
  }
  return toView(item);
}

/** The template sheet, with the province's blocs offered in the "Khối/Cụm" column. */
export async function importTemplate(actor: Actor): Promise<Buffer> {
  const blocs = await blocsOf(provinceScope(actor, boardOnly));
  return buildTemplate(blocs.map((b) => b.name).sort(compareVietnamese));
}
