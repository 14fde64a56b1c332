import type { Actor } from "../actor.ts";
import { awardTypesOf } from "../award/index.ts";
import { commit } from "../db/write.ts";
import { ReadVersionInput } from "../edit/edit.rules.ts";
import { conflict, invalid, parseInput } from "../error.ts";
import { assertOwnUnit, assertPhase, currentPhase, yearContext, yearStillIn } from "./access.ts";
import { RegisterInput, ReportInput } from "./cycle.rules.ts";
import { participationSaved, savedPart, signedNow } from "./participation.ts";

/* What each member does in its year: register, sign the covenant, report at mid-year. */

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
  const { version } = parseInput(ReadVersionInput, input);
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
