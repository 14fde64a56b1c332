import type { Actor } from "../actor.ts";
import { seatElected } from "../bloc/bloc-year.ts";
import { assertLeads, yearContext } from "../cycle/access.ts";
import { type CycleView, getCycle, HandoverInput, handoverRecorded, signedNow } from "../cycle/index.ts";
import { conflict, parseInput } from "../error.ts";

/** The one elected by the year's last closed ballot of a kind, or none. */
function electedBy(ballots: { kind: string; status: string; round: number; count?: unknown }[], kind: string) {
  const closed = ballots.filter((b) => b.kind === kind && b.status === "closed").sort((a, b) => b.round - a.round)[0];
  return ((closed?.count as { result?: { elected?: string[] } } | undefined)?.result?.elected ?? []) as string[];
}

/**
 * The outgoing leader hands the bloc over: the leader (and deputies) the year's vote elected take their
 * seats for next year, under the rotation and eligibility rules, and the handover is recorded on this
 * year, in one transaction. Next year must have its members (prepared from this one).
 */
export async function handOver(actor: Actor, blocId: string, year: number, input: unknown): Promise<CycleView> {
  const { note, nextYearVersion } = parseInput(HandoverInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  if (ctx.year.phase !== "ranked" && ctx.year.status !== "closed")
    throw conflict("cycle.wrong_phase", "The seats pass on once the year is ranked", [
      { path: "phase", message: `cycle.phase.${ctx.year.phase ?? "registration"}` },
    ]);
  if (ctx.stored.handover) throw conflict("cycle.already_handed_over", "This year was handed over already");
  const { data: ballots } = await ctx.scope.db.ballot.query.byYear({ blocId, year }).go({ pages: "all" });
  const [leaderUnitId] = electedBy(ballots, "leader");
  if (!leaderUnitId) throw conflict("cycle.no_elected_leader", "Elect next year's leader first");
  const deputyUnitIds = electedBy(ballots, "deputy");
  await seatElected(actor, blocId, year + 1, { leaderUnitId, deputyUnitIds, version: nextYearVersion }, [
    handoverRecorded(ctx, { leaderUnitId, deputyUnitIds, note, ...signedNow(actor) }),
  ]);
  return getCycle(actor, blocId, year);
}
