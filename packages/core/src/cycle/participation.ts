import type { Actor } from "../actor.ts";
import { type Change, putVersioned } from "../db/write.ts";
import { conflict } from "../error.ts";
import { type ParticipationRecord, type YearContext, yearContext } from "./access.ts";
import type { MemberProgress, Signed } from "./cycle.rules.ts";
import type { Participation } from "./cycle-view.rules.ts";

/* A member's part in a year: how it reads, who may read it, and the one way to save it. */

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
export function mayRead(ctx: YearContext, unitId: string): boolean {
  const { role } = ctx.scope.actor;
  if (ctx.leads || role === "council") return true;
  if (unitId === ctx.ownUnitId) return true;
  return ctx.participations.get(unitId)?.verification?.scorerUnitId === ctx.ownUnitId;
}

/** The members' parts the caller may read, in the year's order. */
export const readableParticipations = (ctx: YearContext): Participation[] =>
  ctx.year.memberUnitIds
    .filter((id) => mayRead(ctx, id))
    .map((id) => participationView(id, ctx.participations.get(id)));

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
