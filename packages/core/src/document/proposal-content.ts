import type { Ballot } from "../ballot/ballot.rules.ts";
import { yearBallots } from "../ballot/index.ts";
import type { YearContext } from "../cycle/access.ts";
import { holdingStatuses, type Proposal } from "../proposal/proposal.rules.ts";
import { rankingOf } from "../score/results.ts";
import { compareVietnamese } from "../text/index.ts";
import type { DecisionData, ProposalData, ProposedAwardData } from "./document.rules.ts";
import { calendarDay, commonSources, isRanked, lastDay, namesOf, notReady } from "./sources.ts";

/*
 * The proposal memo and its list (the bloc's proposals standing), and the award decision (the board's
 * latest approval for the bloc-year), gathered from the year's proposals, ballots and ranking.
 */

async function yearProposals(ctx: YearContext): Promise<Proposal[]> {
  const { data } = await ctx.scope.db.proposal.query
    .byYear({ year: ctx.year.year, blocId: ctx.year.blocId })
    .go({ pages: "all" });
  return data as Proposal[];
}

/** The proposals as the documents list them: each with its vote and rank, by award then rank then name. */
function proposedAwards(
  ctx: YearContext,
  proposals: readonly Proposal[],
  awardName: (id: string) => string,
  awardOrder: readonly string[],
  ballots: readonly Ballot[] = [],
): ProposedAwardData[] {
  const names = namesOf(ctx);
  const ranked = isRanked(ctx) && ctx.table ? rankingOf(ctx).entries : [];
  const scoreOf = new Map(ranked.map((e) => [e.unitId, { total: e.total, rank: e.rank }]));
  const sorted = [...proposals].sort(
    (a, b) =>
      awardOrder.indexOf(a.awardTypeId) - awardOrder.indexOf(b.awardTypeId) ||
      (scoreOf.get(a.unitId)?.rank ?? Number.MAX_SAFE_INTEGER) -
        (scoreOf.get(b.unitId)?.rank ?? Number.MAX_SAFE_INTEGER) ||
      compareVietnamese(names[a.unitId] ?? a.unitId, names[b.unitId] ?? b.unitId),
  );
  return sorted.map((p) => {
    const count = ballots.find((b) => b.ballotId === p.ballotId)?.count;
    const score = scoreOf.get(p.unitId);
    return {
      unit: names[p.unitId] ?? p.unitId,
      award: awardName(p.awardTypeId),
      ...(count ? { vote: { for: count.votes[p.unitId] ?? 0, of: count.returned } } : {}),
      ...(score ? { score } : {}),
      ...(p.note ? { note: p.note } : {}),
    };
  });
}

/** The bloc's proposals standing (made, returned or approved), as the memo, its list and the year-end report show them. */
export async function standingProposals(ctx: YearContext, awardName: (id: string) => string, awardOrder: string[]) {
  const [proposals, ballots] = await Promise.all([yearProposals(ctx), yearBallots(ctx)]);
  const standing = proposals.filter((p) => holdingStatuses.includes(p.status));
  return { standing, ballots, awards: proposedAwards(ctx, standing, awardName, awardOrder, ballots) };
}

export async function proposalData(ctx: YearContext): Promise<ProposalData> {
  const { bloc, letterhead, awardName, awardOrder } = await commonSources(ctx);
  const { standing, awards, ballots } = await standingProposals(ctx, awardName, awardOrder);
  if (standing.length === 0) throw notReady("document.no_proposal", "Propose an award for the year first");
  const closed = ballots.flatMap((b) => (b.closed ? [b.closed.at] : []));
  return {
    letterhead,
    bloc,
    year: ctx.year.year,
    proposals: awards,
    date: lastDay(standing.map((p) => p.proposed.at)),
    ...(closed.length ? { conference: lastDay(closed) } : {}),
    leader: namesOf(ctx)[ctx.year.leaderUnitId ?? ""] ?? "",
  };
}

/**
 * The board's latest decision for the bloc-year: the approved proposals sharing the decision number of the
 * last approval (a board approves a batch under one decision; an earlier batch is an earlier decision).
 */
export async function decisionData(ctx: YearContext): Promise<DecisionData> {
  const { bloc, letterhead, awardName, awardOrder } = await commonSources(ctx);
  const approved = (await yearProposals(ctx)).filter((p) => p.status === "approved" && p.decision);
  const latest = approved
    .map((p) => p.decision)
    .sort((a, b) => (a?.at ?? "").localeCompare(b?.at ?? ""))
    .at(-1);
  if (!latest) throw notReady("document.not_approved", "Approve a proposal of the year first");
  const batch = approved.filter((p) => p.decision?.decisionNumber === latest.decisionNumber);
  const awards = proposedAwards(ctx, batch, awardName, awardOrder);
  return {
    letterhead,
    bloc,
    year: ctx.year.year,
    decision: {
      number: latest.decisionNumber ?? "",
      date: latest.decisionDate ? calendarDay(latest.decisionDate) : lastDay([latest.at]),
      signer: latest.signer ?? letterhead.signer.name ?? "",
    },
    awards: awards.map(({ unit, award }) => ({ unit, award })),
  };
}
