import type { Actor } from "../actor.ts";
import { assertOwnUnit, assertPhase, type YearContext, yearContext, yearStillIn } from "../cycle/access.ts";
import type { Phase } from "../cycle/cycle.rules.ts";
import type { ScoreSheet, Verification } from "../cycle/cycle-view.rules.ts";
import { participationSaved } from "../cycle/participation.ts";
import { conflict, forbidden, invalid, notFound } from "../error.ts";
import { type TableLine, tableLines } from "./score.rules.ts";

/* A member's sheet and its verification as the year holds them, and who may change them when. */

export const sheetOf = (ctx: YearContext, unitId: string): ScoreSheet =>
  (ctx.participations.get(unitId)?.scores as ScoreSheet | undefined) ?? { lines: {} };
export const verificationOf = (ctx: YearContext, unitId: string): Verification =>
  (ctx.participations.get(unitId)?.verification as Verification | undefined) ?? { recusals: [], lines: {} };

export function linesOf(ctx: YearContext): TableLine[] {
  if (!ctx.table) throw conflict("score.no_table", "This year launched without a criteria table");
  return tableLines(ctx.table);
}

/** The member's sheet while it may still change: own unit, scoring phase, not submitted, a line of the table. */
export async function editableSheet(actor: Actor, blocId: string, year: number, unitId: string, lineId?: string) {
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertOwnUnit(ctx, unitId);
  const phase = assertPhase(ctx, "scoring");
  const sheet = sheetOf(ctx, unitId);
  if (sheet.submitted) throw conflict("score.submitted", "The scores were submitted; they are being verified");
  if (lineId && !linesOf(ctx).some((l) => l.id === lineId))
    throw invalid("score.unknown_line", "Not a line of this year's table", [
      { path: "lineId", message: "score.unknown_line" },
    ]);
  return { ctx, phase, sheet };
}

/** What a change of a member's sheet writes: the sheet over the version read, while the year is in its phase. */
export interface SheetEdit {
  ctx: YearContext;
  phase: Phase;
  unitId: string;
  version: number;
}
type Audit = Parameters<typeof participationSaved>[4];

export const sheetSaved = ({ ctx, phase, unitId, version }: SheetEdit, scores: ScoreSheet, audit: Audit) => [
  participationSaved(ctx, unitId, version, { scores }, audit),
  ...yearStillIn(ctx, phase, unitId),
];

/**
 * Who verifies a sheet: its assigned scorer, else the leader (or the board); never the unit itself,
 * so the leader's own sheet needs a scorer.
 */
export function assertVerifier(ctx: YearContext, unitId: string) {
  const { role } = ctx.scope.actor;
  const scorer = verificationOf(ctx, unitId).scorerUnitId;
  if (ctx.ownUnitId === unitId) throw forbidden("score.self_verify", "A unit never verifies itself");
  if (scorer ? ctx.ownUnitId === scorer || role === "board" : ctx.leads) return;
  throw forbidden("score.not_verifier", "Only the sheet's scorer or the leader verifies it");
}

/** A sheet as its verifier is about to change it: in verification, by its scorer or the leader, not locked. */
export async function sheetToVerify(actor: Actor, blocId: string, year: number, unitId: string) {
  const ctx = await yearContext(actor, blocId, year, { write: true });
  if (!ctx.year.memberUnitIds.includes(unitId)) throw notFound("unit.not_found");
  const phase = assertPhase(ctx, "verification");
  assertVerifier(ctx, unitId);
  const verification = verificationOf(ctx, unitId);
  if (verification.locked) throw conflict("score.locked", "This sheet is verified and locked");
  return { ctx, phase, verification, self: sheetOf(ctx, unitId).lines };
}

/** A sheet's verification saved over the version read, while the year is still in its phase. */
export const verificationSaved = (
  { ctx, phase, unitId, version }: SheetEdit,
  verification: Verification,
  audit: Audit,
) => [participationSaved(ctx, unitId, version, { verification }, audit), ...yearStillIn(ctx, phase, unitId)];
