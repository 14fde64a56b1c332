import type { Actor } from "../actor.ts";
import type { BlocYear } from "../bloc/bloc.rules.ts";
import { blocActive, listBlocs } from "../bloc/bloc.ts";
import { type BlocYearRecord, blocYearSaved, blocYearView, yearExtras } from "../bloc/bloc-year.ts";
import { provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, commit } from "../db/write.ts";
import { conflict, forbidden, invalid, parseInput } from "../error.ts";
import { assertLeads, assertPhase, currentPhase, type YearContext, yearContext } from "./access.ts";
import {
  deadlineProblems,
  type Handover,
  isBackward,
  lateMembers,
  MovePhaseInput,
  missingDuties,
  nextOf,
  SetDeadlinesInput,
  SummaryInput,
  summaryDraft,
} from "./cycle.rules.ts";
import type { CycleView, YearCycles } from "./cycle-view.rules.ts";
import { progressOf, readableParticipations, signedNow } from "./participation.ts";

export { type ParticipationRecord, type YearContext, yearContext } from "./access.ts";
export * from "./cycle.rules.ts";
export * from "./cycle-view.rules.ts";
export { fileReport, register, signCovenant } from "./members.ts";
export {
  mayRead,
  participationSaved,
  participationView,
  progressOf,
  readableParticipations,
  savedPart,
  signedNow,
} from "./participation.ts";

const yearStale = () => conflict("bloc_year.stale", "This bloc-year was changed by someone else");

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
  const handover = ctx.stored.handover as CycleView["handover"];
  return {
    year: ctx.year,
    phase,
    ...(summary && (summary.published || ctx.leads) ? { summary } : {}),
    ...(handover ? { handover } : {}),
    progress: progress.map((p) => {
      const scorer = ctx.participations.get(p.unitId)?.verification?.scorerUnitId;
      return { ...p, late: late.includes(p.unitId), ...(scorer ? { scorerUnitId: scorer } : {}) };
    }),
    ...(phase === "closed" ? {} : { next: { to: nextOf(phase), missing: missingDuties(phase, progress) } }),
    participations: readableParticipations(ctx),
    ballotRules: ctx.rules.ballot,
    you: { leads: ctx.leads, ...(ctx.ownUnitId ? { unitId: ctx.ownUnitId } : {}) },
  };
}

/** The handover recorded on the year it closes, over the version read (a second one fails its condition). */
export const handoverRecorded = (ctx: YearContext, handover: Handover): Change =>
  yearSaved(ctx, ctx.year, { handover });

/** Saves the year itself (phase, deadlines, summary, handover) over what was read, snapshots kept. */
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
