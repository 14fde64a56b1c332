import type { Actor } from "../actor.ts";
import { assertLeads, assertPhase, yearContext, yearStillIn } from "../cycle/access.ts";
import type { Verification } from "../cycle/cycle-view.rules.ts";
import { participationSaved, savedPart, signedNow } from "../cycle/participation.ts";
import { commit } from "../db/write.ts";
import { ReadVersionInput } from "../edit/edit.rules.ts";
import { conflict, forbidden, invalid, notFound, parseInput } from "../error.ts";
import {
  AssignScorerInput,
  linesProblems,
  pointsProblem,
  ReasonInput,
  SaveScoresInput,
  type SelfLine,
  submissionProblems,
  VerifyLineInput,
} from "./score.rules.ts";
import { editableSheet, linesOf, sheetSaved, sheetToVerify, verificationOf, verificationSaved } from "./sheet.ts";

export * from "./evidence.ts";
export * from "./ranking.rules.ts";
export * from "./results.ts";
export * from "./score.rules.ts";

/**
 * A member scores its own lines (those sent; the others stay), each within its max and in hundredths,
 * a bonus or penalty with its reason. Until it submits, in the scoring phase.
 */
export async function saveScores(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { lines, version } = parseInput(SaveScoresInput, input);
  const { ctx, phase, sheet } = await editableSheet(actor, blocId, year, unitId);
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
  await commit(
    ctx.scope,
    sheetSaved(
      { ctx, phase, unitId, version },
      { ...sheet, lines: { ...sheet.lines, ...changed } },
      {
        before: { lines: before },
        after: { lines: changed },
      },
    ),
  );
  return savedPart(actor, blocId, year, unitId);
}

/** A member submits its sheet: every criterion scored, evidence where the table requires it (400 listing them). */
export async function submitScores(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { version } = parseInput(ReadVersionInput, input);
  const { ctx, phase, sheet } = await editableSheet(actor, blocId, year, unitId);
  const problems = submissionProblems(sheet.lines, linesOf(ctx));
  if (problems.length) throw invalid("score.incomplete", "Some criteria lack a score or their evidence", problems);
  const submitted = signedNow(actor);
  await commit(
    ctx.scope,
    sheetSaved(
      { ctx, phase, unitId, version },
      { ...sheet, submitted },
      { before: {}, after: { submitted: submitted.at } },
    ),
  );
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
  const { ctx, phase, verification, self } = await sheetToVerify(actor, blocId, year, unitId);
  const line = linesOf(ctx).find((l) => l.id === lineId);
  if (!line) throw notFound("score.unknown_line");
  const problem = pointsProblem(line, points);
  if (problem) throw invalid("score.invalid", "The points do not fit the line", [{ path: "points", message: problem }]);
  const own = self[lineId]?.points ?? 0;
  if (points !== own && !reason)
    throw invalid("score.reason_required", "Say why the points differ from the unit's", [
      { path: "reason", message: "score.reason_required" },
    ]);
  const previous = verification.lines[lineId];
  const verified = { points, ...(reason ? { reason } : {}), ...signedNow(actor) };
  await commit(
    ctx.scope,
    verificationSaved(
      { ctx, phase, unitId, version },
      { ...verification, lines: { ...verification.lines, [lineId]: verified } },
      {
        before: { lines: { [lineId]: previous ? previous.points : own } },
        after: { lines: { [lineId]: points } },
        ...(reason ? { reason } : {}),
      },
    ),
  );
  return savedPart(actor, blocId, year, unitId);
}

/**
 * Verifies every line not verified yet at the unit's own points (a line it did not score at 0): the
 * verifier's "the rest is as scored". Lines already verified keep their points.
 */
export async function acceptRemaining(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { version } = parseInput(ReadVersionInput, input);
  const { ctx, phase, verification, self } = await sheetToVerify(actor, blocId, year, unitId);
  const by = signedNow(actor);
  const accepted = Object.fromEntries(
    linesOf(ctx)
      .filter((l) => !verification.lines[l.id] && (l.kind === "criterion" || self[l.id]))
      .map((l) => [l.id, { points: self[l.id]?.points ?? 0, ...by }]),
  );
  await commit(
    ctx.scope,
    verificationSaved(
      { ctx, phase, unitId, version },
      { ...verification, lines: { ...verification.lines, ...accepted } },
      { before: {}, after: { lines: Object.fromEntries(Object.entries(accepted).map(([id, v]) => [id, v.points])) } },
    ),
  );
  return savedPart(actor, blocId, year, unitId);
}

/** Locks a sheet once every line the unit scored (and every criterion) is verified. */
export async function lockSheet(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { version } = parseInput(ReadVersionInput, input);
  const { ctx, phase, verification, self } = await sheetToVerify(actor, blocId, year, unitId);
  const unverified = linesOf(ctx)
    .filter((l) => (l.kind === "criterion" || self[l.id]) && !verification.lines[l.id])
    .map((l) => ({ path: `lines.${l.id}`, message: "score.unverified" }));
  if (unverified.length) throw conflict("score.unverified", "Verify every line first", unverified);
  const locked = signedNow(actor);
  await commit(
    ctx.scope,
    verificationSaved(
      { ctx, phase, unitId, version },
      { ...verification, locked },
      { before: {}, after: { locked: locked.at } },
    ),
  );
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
