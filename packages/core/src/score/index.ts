import { z } from "zod";
import type { Actor } from "../actor.ts";
import { CriteriaTable } from "../criteria/criteria.rules.ts";
import {
  assertLeads,
  assertOwnUnit,
  assertPhase,
  type YearContext,
  yearContext,
  yearStillIn,
} from "../cycle/access.ts";
import { Participation, type ScoreSheet, type Verification } from "../cycle/cycle-view.rules.ts";
import { participationSaved, readableParticipations, savedPart, signedNow } from "../cycle/index.ts";
import { commit } from "../db/write.ts";
import { ReadVersion } from "../edit/edit.rules.ts";
import { conflict, forbidden, invalid, notFound, parseInput } from "../error.ts";
import { isUnderDiscipline } from "../unit/index.ts";
import { RankingEntry, rankUnits } from "./ranking.rules.ts";
import {
  AssignScorerInput,
  linesProblems,
  pointsProblem,
  ReasonInput,
  SaveScoresInput,
  type SelfLine,
  submissionProblems,
  type TableLine,
  TableLineView,
  tableLines,
  totalsOf,
  VerifyLineInput,
} from "./score.rules.ts";

export * from "./evidence.ts";
export * from "./ranking.rules.ts";
export * from "./score.rules.ts";

const sheetOf = (ctx: YearContext, unitId: string): ScoreSheet =>
  (ctx.participations.get(unitId)?.scores as ScoreSheet | undefined) ?? { lines: {} };
const verificationOf = (ctx: YearContext, unitId: string): Verification =>
  (ctx.participations.get(unitId)?.verification as Verification | undefined) ?? { recusals: [], lines: {} };

function linesOf(ctx: YearContext): TableLine[] {
  if (!ctx.table) throw conflict("score.no_table", "This year launched without a criteria table");
  return tableLines(ctx.table);
}

/**
 * A member scores its own lines (those sent; the others stay), each within its max and in hundredths,
 * a bonus or penalty with its reason. Until it submits, in the scoring phase.
 */
export async function saveScores(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { lines, version } = parseInput(SaveScoresInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertOwnUnit(ctx, unitId);
  const phase = assertPhase(ctx, "scoring");
  const sheet = sheetOf(ctx, unitId);
  if (sheet.submitted) throw conflict("score.submitted", "The scores were submitted; they are being verified");
  const problems = linesProblems(lines, linesOf(ctx));
  if (problems.length) throw invalid("score.invalid", "Some scores do not fit the criteria table", problems);
  const changed = Object.fromEntries(
    Object.entries(lines).map(([id, l]): [string, SelfLine] => [
      id,
      { points: l.points, note: l.note, links: l.links, files: sheet.lines[id]?.files ?? [] },
    ]),
  );
  const before = Object.fromEntries(
    Object.keys(changed).flatMap((id) => (sheet.lines[id] ? [[id, sheet.lines[id]]] : [])),
  );
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { scores: { ...sheet, lines: { ...sheet.lines, ...changed } } },
      { before: { lines: before }, after: { lines: changed } },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/** A member submits its sheet: every criterion scored, evidence where the table requires it (400 listing them). */
export async function submitScores(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { version } = parseInput(z.object({ version: ReadVersion }), input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertOwnUnit(ctx, unitId);
  const phase = assertPhase(ctx, "scoring");
  const sheet = sheetOf(ctx, unitId);
  if (sheet.submitted) throw conflict("score.submitted", "The scores were submitted already");
  const problems = submissionProblems(sheet.lines, linesOf(ctx));
  if (problems.length) throw invalid("score.incomplete", "Some criteria lack a score or their evidence", problems);
  const submitted = signedNow(actor);
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { scores: { ...sheet, submitted } },
      { before: {}, after: { submitted: submitted.at } },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/** The leader assigns who verifies a member's sheet: another member, never the unit itself (null: the leader). */
export async function assignScorer(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { scorerUnitId, version } = parseInput(AssignScorerInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  if (!ctx.year.memberUnitIds.includes(unitId)) throw notFound("unit.not_found");
  const phase = assertPhase(ctx, "scoring", "verification");
  const verification = verificationOf(ctx, unitId);
  if (verification.locked) throw conflict("score.locked", "This sheet is verified and locked");
  if (scorerUnitId !== null) {
    const field = [{ path: "scorerUnitId", message: "score.scorer_not_member" }];
    if (!ctx.year.memberUnitIds.includes(scorerUnitId)) throw invalid("score.scorer_not_member", "Not a member", field);
    if (scorerUnitId === unitId)
      throw invalid("score.self_verify", "A unit never verifies itself", [
        { path: "scorerUnitId", message: "score.self_verify" },
      ]);
    if (verification.recusals.some((r) => r.unitId === scorerUnitId))
      throw invalid("score.scorer_recused", "This unit stepped back from this sheet", [
        { path: "scorerUnitId", message: "score.scorer_recused" },
      ]);
  }
  const { scorerUnitId: _was, ...rest } = verification;
  const next: Verification = scorerUnitId ? { ...rest, scorerUnitId } : rest;
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { verification: next },
      { before: { scorerUnitId: verification.scorerUnitId ?? null }, after: { scorerUnitId } },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/** An assigned scorer steps back from a sheet, with a reason; the leader assigns another. */
export async function recuse(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { reason, version } = parseInput(ReasonInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  const phase = assertPhase(ctx, "scoring", "verification");
  const verification = verificationOf(ctx, unitId);
  if (!ctx.ownUnitId || verification.scorerUnitId !== ctx.ownUnitId)
    throw forbidden("score.not_verifier", "Only the unit assigned to this sheet can step back from it");
  if (verification.locked) throw conflict("score.locked", "This sheet is verified and locked");
  const { scorerUnitId, ...rest } = verification;
  const next: Verification = {
    ...rest,
    recusals: [...rest.recusals, { unitId: ctx.ownUnitId, reason, at: new Date().toISOString() }],
  };
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { verification: next },
      { before: { scorerUnitId }, after: { scorerUnitId: null }, reason },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/**
 * Who verifies a sheet: its assigned scorer, else the leader (or the board); never the unit itself,
 * so the leader's own sheet needs a scorer.
 */
function assertVerifier(ctx: YearContext, unitId: string) {
  const { role } = ctx.scope.actor;
  const scorer = verificationOf(ctx, unitId).scorerUnitId;
  if (ctx.ownUnitId === unitId) throw forbidden("score.self_verify", "A unit never verifies itself");
  if (scorer ? ctx.ownUnitId === scorer || role === "board" : ctx.leads) return;
  throw forbidden("score.not_verifier", "Only the sheet's scorer or the leader verifies it");
}

/**
 * Verifies one line: the points the verifier finds (the unit sees both), with a reason when they differ
 * from the unit's. The previous value stays in the audit trail.
 */
export async function verifyLine(
  actor: Actor,
  blocId: string,
  year: number,
  unitId: string,
  lineId: string,
  input: unknown,
) {
  const { points, reason, version } = parseInput(VerifyLineInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  if (!ctx.year.memberUnitIds.includes(unitId)) throw notFound("unit.not_found");
  const phase = assertPhase(ctx, "verification");
  assertVerifier(ctx, unitId);
  const line = linesOf(ctx).find((l) => l.id === lineId);
  if (!line) throw notFound("score.unknown_line");
  const problem = pointsProblem(line, points);
  if (problem) throw invalid("score.invalid", "The points do not fit the line", [{ path: "points", message: problem }]);
  const self = sheetOf(ctx, unitId).lines[lineId]?.points ?? 0;
  if (points !== self && !reason)
    throw invalid("score.reason_required", "Say why the points differ from the unit's", [
      { path: "reason", message: "score.reason_required" },
    ]);
  const verification = verificationOf(ctx, unitId);
  if (verification.locked) throw conflict("score.locked", "This sheet is verified and locked");
  const previous = verification.lines[lineId];
  const verified = { points, ...(reason ? { reason } : {}), ...signedNow(actor) };
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { verification: { ...verification, lines: { ...verification.lines, [lineId]: verified } } },
      {
        before: { lines: { [lineId]: previous ? previous.points : self } },
        after: { lines: { [lineId]: points } },
        ...(reason ? { reason } : {}),
      },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/**
 * Verifies every line not verified yet at the unit's own points (a line it did not score at 0): the
 * verifier's "the rest is as scored". Lines already verified keep their points.
 */
export async function acceptRemaining(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { version } = parseInput(z.object({ version: ReadVersion }), input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  if (!ctx.year.memberUnitIds.includes(unitId)) throw notFound("unit.not_found");
  const phase = assertPhase(ctx, "verification");
  assertVerifier(ctx, unitId);
  const verification = verificationOf(ctx, unitId);
  if (verification.locked) throw conflict("score.locked", "This sheet is verified and locked");
  const self = sheetOf(ctx, unitId).lines;
  const by = signedNow(actor);
  const accepted = Object.fromEntries(
    linesOf(ctx)
      .filter((l) => !verification.lines[l.id] && (l.kind === "criterion" || self[l.id]))
      .map((l) => [l.id, { points: self[l.id]?.points ?? 0, ...by }]),
  );
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { verification: { ...verification, lines: { ...verification.lines, ...accepted } } },
      { before: {}, after: { lines: Object.fromEntries(Object.entries(accepted).map(([id, v]) => [id, v.points])) } },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/** Locks a sheet once every line the unit scored (and every criterion) is verified. */
export async function lockSheet(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { version } = parseInput(z.object({ version: ReadVersion }), input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  if (!ctx.year.memberUnitIds.includes(unitId)) throw notFound("unit.not_found");
  const phase = assertPhase(ctx, "verification");
  assertVerifier(ctx, unitId);
  const verification = verificationOf(ctx, unitId);
  if (verification.locked) throw conflict("score.locked", "This sheet is locked already");
  const sheet = sheetOf(ctx, unitId);
  const unverified = linesOf(ctx)
    .filter((l) => (l.kind === "criterion" || sheet.lines[l.id]) && !verification.lines[l.id])
    .map((l) => ({ path: `lines.${l.id}`, message: "score.unverified" }));
  if (unverified.length) throw conflict("score.unverified", "Verify every line first", unverified);
  const locked = signedNow(actor);
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { verification: { ...verification, locked } },
      { before: {}, after: { locked: locked.at } },
    ),
    ...yearStillIn(ctx, phase, unitId),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

/**
 * The board unlocks a verified sheet, with a reason. The year's version moves with it, so a move to the
 * ranking that read the sheet locked cannot pass.
 */
export async function unlockSheet(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { reason, version } = parseInput(ReasonInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  if (actor.role !== "board") throw forbidden("auth.forbidden_role", "Only the board unlocks verified scores");
  if (!ctx.year.memberUnitIds.includes(unitId)) throw notFound("unit.not_found");
  const phase = assertPhase(ctx, "verification");
  const verification = verificationOf(ctx, unitId);
  if (!verification.locked) throw conflict("score.not_locked", "This sheet is not locked");
  const { locked, ...rest } = verification;
  await commit(ctx.scope, [
    participationSaved(
      ctx,
      unitId,
      version,
      { verification: rest },
      { before: { locked: locked.at }, after: { locked: null }, reason },
    ),
    ...yearStillIn(ctx, phase, unitId, { touch: true }),
  ]);
  return savedPart(actor, blocId, year, unitId);
}

export const ScoreGrid = z
  .object({
    table: CriteriaTable,
    lines: z.array(TableLineView),
    /** Each readable sheet's total as the unit scored it and as verified so far. */
    totals: z.array(z.object({ unitId: z.string(), self: z.number(), verified: z.number() })),
    participations: z.array(Participation),
  })
  .meta({ id: "ScoreGrid" });
export type ScoreGrid = z.infer<typeof ScoreGrid>;

/** The verification grid, members × lines, from one read of the year (3 requests at most). */
export async function getScoreGrid(actor: Actor, blocId: string, year: number): Promise<ScoreGrid> {
  const ctx = await yearContext(actor, blocId, year);
  const lines = linesOf(ctx);
  const participations = readableParticipations(ctx);
  const { allowNegative } = ctx.rules.scale;
  return {
    table: ctx.table as CriteriaTable,
    lines,
    totals: participations.map(({ unitId }) => {
      const self = sheetOf(ctx, unitId).lines;
      const verified = verificationOf(ctx, unitId).lines;
      return {
        unitId,
        self: totalsOf(lines, (id) => self[id]?.points, allowNegative).total,
        verified: totalsOf(lines, (id) => verified[id]?.points, allowNegative).total,
      };
    }),
    participations,
  };
}

/** The ranking of a verified year: from verified scores, in the rules' tie-break order. */
export const Ranking = z.object({ entries: z.array(RankingEntry), complete: z.boolean() }).meta({ id: "Ranking" });
export type Ranking = z.infer<typeof Ranking>;

/**
 * The ranking from the same read as the grid, with the units' discipline flags (3 requests): verified
 * points, missing lines count 0; `complete` once every sheet is locked.
 */
export async function getRanking(actor: Actor, blocId: string, year: number): Promise<Ranking> {
  const ctx = await yearContext(actor, blocId, year, { units: true });
  const phase = ctx.year.status === "closed" ? "closed" : (ctx.year.phase ?? "registration");
  const visible = ctx.leads || actor.role === "council" || phase === "ranked" || phase === "closed";
  if (!visible) throw conflict("cycle.wrong_phase", "The ranking is shown once the year is ranked");
  const excluded = ctx.rules.eligibility.disciplineExcludes
    ? new Set(ctx.units.filter((u) => isUnderDiscipline(u, year)).map((u) => u.unitId))
    : new Set<string>();
  return rankingOf(ctx, excluded);
}

export function rankingOf(ctx: YearContext, excluded: ReadonlySet<string>): Ranking {
  const lines = linesOf(ctx);
  const table = ctx.table as CriteriaTable;
  const members = ctx.year.memberUnitIds;
  const entries = rankUnits(
    members.map((unitId) => {
      const verified = verificationOf(ctx, unitId).lines;
      return {
        unitId,
        eligible: !excluded.has(unitId),
        totals: totalsOf(lines, (id) => verified[id]?.points, ctx.rules.scale.allowNegative),
      };
    }),
    table.groups[0]?.id,
    ctx.rules.ranking.tieBreak,
  );
  return { entries, complete: members.every((id) => !!verificationOf(ctx, id).locked) };
}
