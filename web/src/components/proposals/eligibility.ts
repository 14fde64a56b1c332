import type { AwardType } from "@thidua/core/award/rules";
import type { Ballot } from "@thidua/core/ballot/rules";
import { holdingStatuses, type Proposal } from "@thidua/core/proposal/rules";

/** A closed ballot that elected a unit for the award: attached to its proposal as the bloc's vote. */
export interface Elected {
  ballotId: string;
  kind: Ballot["kind"];
  round: number;
  votes: number;
  returned: number;
}

/** Why a member cannot be proposed for the award now: under discipline, or already proposed for it. */
export type Blocked = "disciplined" | "proposed" | "returned" | "approved";

export interface Candidate {
  unitId: string;
  elected?: Elected;
  blocked?: Blocked;
}

/**
 * The ballots that choose candidates for an award: an award ballot on that award type, or the vote for the
 * leading unit for an award usually kept for it (the provincial flag). Closed ones only, the latest round
 * of each unit winning.
 */
export function electedFor(ballots: readonly Ballot[], type: Pick<AwardType, "awardTypeId" | "leaderOnly">) {
  const byUnit = new Map<string, Elected>();
  const relevant = ballots
    .filter((b) => b.status === "closed" && b.count)
    .filter((b) =>
      b.kind === "award" ? b.awardTypeId === type.awardTypeId : b.kind === "leading_unit" && type.leaderOnly,
    )
    .sort((a, b) => a.round - b.round);
  for (const b of relevant)
    for (const unitId of b.count?.result.elected ?? [])
      byUnit.set(unitId, {
        ballotId: b.ballotId,
        kind: b.kind,
        round: b.round,
        votes: b.count?.votes[unitId] ?? 0,
        returned: b.count?.returned ?? 0,
      });
  return byUnit;
}

/**
 * The members to offer for an award: those the bloc's vote elected first (most votes first), then the
 * others in name order (`sorted`), then those who cannot be proposed, kept to say why.
 */
export function candidatesFor(
  type: Pick<AwardType, "awardTypeId" | "leaderOnly">,
  {
    members,
    proposals,
    disciplined,
    ballots,
  }: {
    /** Members in Vietnamese name order. */
    members: readonly string[];
    proposals: readonly Pick<Proposal, "awardTypeId" | "unitId" | "status">[];
    disciplined: (unitId: string) => boolean;
    ballots: readonly Ballot[];
  },
): Candidate[] {
  const elected = electedFor(ballots, type);
  const all = members.map((unitId): Candidate => {
    const held = proposals.find(
      (p) => p.unitId === unitId && p.awardTypeId === type.awardTypeId && holdingStatuses.includes(p.status),
    );
    const blocked: Blocked | undefined = disciplined(unitId)
      ? "disciplined"
      : (held?.status as Exclude<Blocked, "disciplined"> | undefined);
    const vote = elected.get(unitId);
    return { unitId, ...(vote ? { elected: vote } : {}), ...(blocked ? { blocked } : {}) };
  });
  const open = all.filter((c) => !c.blocked);
  return [
    ...open.filter((c) => c.elected).sort((a, b) => (b.elected?.votes ?? 0) - (a.elected?.votes ?? 0)),
    ...open.filter((c) => !c.elected),
    ...all.filter((c) => c.blocked),
  ];
}

/** The award's prerequisites the unit does not hold this year in the bloc (no proposal of it holding a slot). */
export const missingPrerequisites = (
  type: Pick<AwardType, "prerequisites">,
  unitId: string,
  proposals: readonly Pick<Proposal, "awardTypeId" | "unitId" | "status">[],
): string[] =>
  type.prerequisites.filter(
    (required) =>
      !proposals.some((p) => p.unitId === unitId && p.awardTypeId === required && holdingStatuses.includes(p.status)),
  );
