import type { Ballot, BallotKind } from "../../api/ballots.ts";
import type { RankingEntry } from "../../api/scores.ts";
import { electedBy } from "./rounds.ts";

/** What the leader's form starts from: the year's ranking, members, seats and the rounds already held. */
export interface CandidateContext {
  /** Ranking entries, best first (as the API orders them). */
  ranking: readonly Pick<RankingEntry, "unitId" | "eligible">[];
  /** Members in the order to list them (Vietnamese order of names). */
  members: readonly string[];
  /** Members under discipline this year: they cannot stand. */
  disciplined: ReadonlySet<string>;
  /** This year's leader, who may not be elected again when the rules forbid two years in a row. */
  leaderUnitId?: string | undefined;
  noConsecutiveLeader: boolean;
  ballots: readonly Ballot[];
}

/** Who may stand at all for a kind of ballot (the API refuses the others). */
export function eligibleFor(kind: BallotKind, ctx: CandidateContext): string[] {
  return ctx.members.filter(
    (id) => !ctx.disciplined.has(id) && !(kind === "leader" && ctx.noConsecutiveLeader && id === ctx.leaderUnitId),
  );
}

/** Ranked eligible members, best first, then any member the ranking lacks. */
function byRanking(ctx: CandidateContext, allowed: readonly string[]): string[] {
  const ranked = ctx.ranking.filter((e) => e.eligible && allowed.includes(e.unitId)).map((e) => e.unitId);
  return [...ranked, ...allowed.filter((id) => !ranked.includes(id))];
}

/**
 * The candidates the form ticks first: the ranking's eligible units, best first, for the leading unit and
 * awards (for an award kept for the leading unit, the one elected); for the leader and deputies, every
 * member who may stand (a deputy: not the leader just elected). A runoff takes the previous round's.
 */
export function defaultCandidates(
  kind: BallotKind,
  ctx: CandidateContext,
  award?: { awardTypeId: string; leaderOnly: boolean },
): string[] {
  const previous = ctx.ballots
    .filter((b) => b.kind === kind && b.awardTypeId === award?.awardTypeId)
    .sort((a, b) => b.round - a.round)[0];
  const runoff = previous?.count?.result.runoff ?? [];
  if (runoff.length > 0) return [...runoff];
  const allowed = eligibleFor(kind, ctx);
  switch (kind) {
    case "leading_unit":
      return byRanking(ctx, allowed);
    case "award": {
      const leading = electedBy(ctx.ballots, "leading_unit").filter((id) => allowed.includes(id));
      return award?.leaderOnly && leading.length > 0 ? leading : byRanking(ctx, allowed);
    }
    case "leader":
      return allowed;
    case "deputy": {
      const leader = electedBy(ctx.ballots, "leader");
      return allowed.filter((id) => !leader.includes(id));
    }
  }
}

/**
 * How many the form elects by default: one for the leading unit and the leader; the bloc's quota for an
 * award; this year's number of deputies (at least one); a runoff the seats left open. Never more than the
 * candidates.
 */
export function defaultSeats(
  kind: BallotKind,
  candidates: number,
  { quota, deputies, previous }: { quota?: number | undefined; deputies: number; previous?: Ballot | undefined },
): number {
  const open = previous?.count ? previous.seats - previous.count.result.elected.length : 0;
  const wanted = open > 0 ? open : kind === "award" ? (quota ?? 1) : kind === "deputy" ? Math.max(1, deputies) : 1;
  return Math.max(1, Math.min(wanted, candidates));
}
