import type { Actor } from "../actor.ts";
import { awardTypesOf } from "../award/index.ts";
import type { BlocYear } from "../bloc/bloc.rules.ts";
import { blocActive, listBlocs } from "../bloc/bloc.ts";
import { type BlocYearRecord, blocYearSaved, blocYearView, yearExtras } from "../bloc/bloc-year.ts";
import { provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, commit, putVersioned } from "../db/write.ts";
import { conflict, forbidden, invalid, parseInput } from "../error.ts";
import {
  assertLeads,
  assertOwnUnit,
  assertPhase,
  currentPhase,
  type ParticipationRecord,
  type YearContext,
  yearContext,
  yearStillIn,
} from "./access.ts";
import {
  deadlineProblems,
  isBackward,
  lateMembers,
  type MemberProgress,
  MovePhaseInput,
  missingDuties,
  nextOf,
  RegisterInput,
  ReportInput,
  SetDeadlinesInput,
  type Signed,
  SignInput,
  SummaryInput,
  summaryDraft,
} from "./cycle.rules.ts";
import type { CycleView, Participation, YearCycles } from "./cycle-view.rules.ts";

export { type ParticipationRecord, type YearContext, yearContext } from "./access.ts";
export * from "./cycle.rules.ts";
export * from "./cycle-view.rules.ts";

const yearStale = () => conflict("bloc_year.stale", "This bloc-year was changed by someone else");
const stale = () => conflict("cycle.stale", "This was changed by someone else; reload");

/** Who did it, when: the caller now. */
export const signedNow = (actor: Actor): Signed => ({
  at: new Date().toISOString(),
  by: actor.userId,
  byName: actor.name,
});

export function progressOf(unitId: string, p: ParticipationRecord | undefined): MemberProgress {
  return {
    unitId,
    registered: !!p?.registration,
    signed: !!p?.covenant,
    reported: !!p?.report,
    submitted: !!p?.scores?.submitted,
    locked: !!p?.verification?.locked,
  };
}

export const participationView = (unitId: string, p: ParticipationRecord | undefined): Participation => ({
  unitId,
  ...(p?.registration ? { registration: p.registration } : {}),
  ...(p?.covenant ? { covenant: p.covenant } : {}),
  ...(p?.report ? { report: p.report } : {}),
  ...(p?.scores ? { scores: p.scores } : {}),
  ...(p?.verification ? { verification: p.verification } : {}),
  version: p?.version ?? 0,
});

/**
 * What of a member the caller reads: everything for those who lead the year and the council; a unit its
 * own part, and the sheets it was assigned to verify.
 */
function readable(ctx: YearContext, unitId: string): boolean {
  const { role } = ctx.scope.actor;
  if (ctx.leads || role === "council") return true;
  if (unitId === ctx.ownUnitId) return true;
  return ctx.participations.get(unitId)?.verification?.scorerUnitId === ctx.ownUnitId;
}

/** The members' parts the caller may read, in the year's order. */
export const readableParticipations = (ctx: YearContext): Participation[] =>
  ctx.year.memberUnitIds
    .filter((id) => readable(ctx, id))
    .map((id) => participationView(id, ctx.participations.get(id)));

const today = () => new Date().toISOString().slice(0, 10);

/** Where the year stands, every member's progress, what the next move needs: 3 requests. */
export async function getCycle(actor: Actor, blocId: string, year: number): Promise<CycleView> {
  return cycleView(await yearContext(actor, blocId, year));
}

export function cycleView(ctx: YearContext): CycleView {
  const members = ctx.year.memberUnitIds;
  const progress = members.map((id) => progressOf(id, ctx.participations.get(id)));
  const closed = ctx.year.status === "closed";
  const phase = closed ? "closed" : (ctx.year.phase ?? "registration");
  const late = phase === "closed" ? [] : lateMembers(phase, ctx.year.deadlines ?? {}, progress, today());
  const summary = ctx.stored.summary as CycleView["summary"];
  return {
    year: ctx.year,
    phase,
    ...(summary && (summary.published || ctx.leads) ? { summary } : {}),
    progress: progress.map((p) => {
      const scorer = ctx.participations.get(p.unitId)?.verification?.scorerUnitId;
      return { ...p, late: late.includes(p.unitId), ...(scorer ? { scorerUnitId: scorer } : {}) };
    }),
    ...(phase === "closed" ? {} : { next: { to: nextOf(phase), missing: missingDuties(phase, progress) } }),
    participations: readableParticipations(ctx),
    you: { leads: ctx.leads, ...(ctx.ownUnitId ? { unitId: ctx.ownUnitId } : {}) },
  };
}

/** Saves the year itself (phase, deadlines, summary) over what was read, snapshots kept. */
function yearSaved(ctx: YearContext, after: BlocYear, extra: Partial<BlocYearRecord> = {}, reason?: string): Change {
  const record: BlocYearRecord = {
    ...yearExtras(ctx.stored),
    ...extra,
    ...after,
    version: ctx.year.version + 1,
    updatedAt: new Date().toISOString(),
  };
  return blocYearSaved(ctx.year, record, yearStale, reason);
}

/**
 * Moves the year to its next phase (or closes it after the ranking) when every member has done what the
 * phase asks: otherwise 409 naming each member and what is missing. Going back reopens a phase: the
 * board only, with a reason kept in the trail.
 */
export async function movePhase(actor: Actor, blocId: string, year: number, input: unknown): Promise<CycleView> {
  const { to, reason, version } = parseInput(MovePhaseInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  if (ctx.year.version !== version) throw yearStale();
  const from = ctx.year.status === "closed" ? "closed" : (ctx.year.phase ?? "registration");
  if (isBackward(from, to)) {
    if (actor.role !== "board") throw forbidden("cycle.reopen_board_only", "Only the board reopens a phase");
    if (!reason)
      throw invalid("cycle.reason_required", "Say why the phase is reopened", [
        { path: "reason", message: "cycle.reason_required" },
      ]);
  } else {
    if (from === "closed" || to !== nextOf(from))
      throw conflict(
        "cycle.not_next",
        `From ${from} the year moves to ${from === "closed" ? "nothing" : nextOf(from)}`,
      );
    if (to === "closed" && actor.role !== "board")
      throw forbidden("cycle.close_board_only", "Only the board closes a year");
    const progress = ctx.year.memberUnitIds.map((id) => progressOf(id, ctx.participations.get(id)));
    const missing = missingDuties(from, progress);
    if (missing.length) throw conflict("cycle.incomplete", "Some members have not done what this phase asks", missing);
    if (from === "mid_year_review" && !(ctx.stored.summary as CycleView["summary"])?.published)
      throw conflict("cycle.incomplete", "Publish the mid-year summary first", [
        { path: "summary", message: "cycle.missing_summary" },
      ]);
  }
  const after: BlocYear =
    to === "closed" ? { ...ctx.year, status: "closed" } : { ...ctx.year, status: "open", phase: to };
  await commit(ctx.scope, [yearSaved(ctx, after, {}, reason), blocActive(blocId)]);
  return getCycle(actor, blocId, year);
}

/** Sets the deadlines of the year's phases (those who lead it). */
export async function setDeadlines(actor: Actor, blocId: string, year: number, input: unknown): Promise<CycleView> {
  const { deadlines, version } = parseInput(SetDeadlinesInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  currentPhase(ctx);
  if (ctx.year.version !== version) throw yearStale();
  const problems = deadlineProblems(year, deadlines);
  if (problems.length) throw invalid("cycle.deadline_outside_year", "Deadlines fall in the year", problems);
  await commit(ctx.scope, [yearSaved(ctx, { ...ctx.year, deadlines }), blocActive(blocId)]);
  return getCycle(actor, blocId, year);
}

/**
 * Saves a member's participation over the version read, while the year is still in `phase`, with the
 * audit record of what changed.
 */
export function participationSaved(
  ctx: YearContext,
  unitId: string,
  version: number,
  change: Partial<Omit<ParticipationRecord, "blocId" | "year" | "unitId" | "version" | "updatedAt">>,
  audit: { before: unknown; after: unknown; reason?: string },
): Change {
  const before = ctx.participations.get(unitId);
  if ((before?.version ?? 0) !== version) throw stale();
  const after: ParticipationRecord = {
    ...(before ?? { blocId: ctx.year.blocId, year: ctx.year.year, unitId }),
    ...change,
    version: version + 1,
    updatedAt: new Date().toISOString(),
  };
  return putVersioned("participation", after, version, {
    conflict: stale,
    audit: {
      action: before ? "update" : "create",
      entity: "participation",
      entityId: `${ctx.year.blocId}/${ctx.year.year}/${unitId}`,
      before: audit.before,
      after: audit.after,
      ...(audit.reason ? { reason: audit.reason } : {}),
    },
  });
}

/** What a use case on one member answers: that member's part, as the caller reads it. */
export async function savedPart(actor: Actor, blocId: string, year: number, unitId: string): Promise<Participation> {
  const ctx = await yearContext(actor, blocId, year);
  return participationView(unitId, ctx.participations.get(unitId));
}

/** A member registers its targets and the awards it aims for; editable until registration ends. */
export async function register(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { targets, aims, version } = parseInput(RegisterInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertOwnUnit(ctx, unitId);
  const phase = assertPhase(ctx, "registration");
  const types = await awardTypesOf(ctx.scope);
  const active = new Set(types.filter((t) => t.active).map((t) => t.awardTypeId));
  const unknown = aims.flatMap((id, i) =>
    active.has(id) ? [] : [{ path: `aims.${i}`, message: "award_type.not_found" }],
  );
  if (unknown.length) throw invalid("award_type.not_found", "Aim for the province's active award types", unknown);
  const before = ctx.participations.get(unitId)?.registration;
  const registration = { targets, aims, filed: signedNow(actor) };
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { registration },
      { before: before && strip(before), after: { targets, aims } },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

const strip = ({ filed: _filed, ...rest }: { filed?: unknown } & Record<string, unknown>) => rest;

/** A member signs the covenant, once; a member who joins later signs on joining. */
export async function signCovenant(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { version } = parseInput(SignInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertOwnUnit(ctx, unitId);
  const phase = currentPhase(ctx);
  if (ctx.participations.get(unitId)?.covenant) throw conflict("cycle.already_signed", "The covenant is signed");
  const covenant = signedNow(actor);
  await commit(ctx.scope, [
    participationSaved(ctx, unitId, version, { covenant }, { before: undefined, after: { covenant: covenant.at } }),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/** A member files its mid-year report (again, until the review ends). */
export async function fileReport(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { items, version } = parseInput(ReportInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertOwnUnit(ctx, unitId);
  const phase = assertPhase(ctx, "mid_year_review");
  const before = ctx.participations.get(unitId)?.report;
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { report: { items, filed: signedNow(actor) } },
      { before: before && { items: before.items }, after: { items } },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/** The draft of the mid-year summary, assembled from the members' reports in the year's order. */
export async function summaryDraftOf(actor: Actor, blocId: string, year: number): Promise<{ text: string }> {
  const ctx = await yearContext(actor, blocId, year, { units: true });
  assertLeads(ctx);
  const units = new Map(ctx.units.map((u) => [u.unitId, u.name]));
  const reports = ctx.year.memberUnitIds.flatMap((id) => {
    const report = ctx.participations.get(id)?.report;
    return report ? [{ unitName: units.get(id) ?? id, items: report.items as string[] }] : [];
  });
  return { text: summaryDraft(reports) };
}

/** The leader saves the mid-year summary, and publishes it to the members. */
export async function saveSummary(actor: Actor, blocId: string, year: number, input: unknown): Promise<CycleView> {
  const { text, publish, version } = parseInput(SummaryInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  assertPhase(ctx, "mid_year_review");
  if (ctx.year.version !== version) throw yearStale();
  const by = signedNow(actor);
  const summary = { text, updated: by, ...(publish ? { published: by } : {}) };
  await commit(ctx.scope, [yearSaved(ctx, ctx.year, { summary }), blocActive(blocId)]);
  return getCycle(actor, blocId, year);
}

/** Every bloc the caller may see with its year (null when nothing was saved for it): the board's overview. */
export async function listYearCycles(actor: Actor, year: number): Promise<YearCycles> {
  const blocs = await listBlocs(actor);
  const { db } = provinceScope(actor, provinceReaders);
  // One batch read of the years, whatever the number of blocs.
  const { data } = blocs.length
    ? await db.blocYear.get(blocs.map((b) => ({ blocId: b.blocId, year }))).go()
    : { data: [] };
  const years = new Map(data.map((y) => [y.blocId, blocYearView(y)]));
  return {
    items: blocs
      .filter((b) => !b.archivedAt || years.has(b.blocId))
      .map((bloc) => ({ bloc, year: years.get(bloc.blocId) ?? null })),
  };
}
