import { ballotKinds } from "@thidua/core/ballot/rules";
import type { Ballot } from "../../api/ballots.ts";

/** What a ballot is about: its kind and, for an award, the award type. Rounds of one topic follow each other. */
export const topicOf = (b: Pick<Ballot, "kind" | "awardTypeId">) => `${b.kind}/${b.awardTypeId ?? ""}`;

/** The conference's order, as the minutes read: leading unit, awards, leader, deputies; rounds in order. */
export const sortBallots = <B extends Pick<Ballot, "kind" | "awardTypeId" | "round">>(ballots: readonly B[]): B[] =>
  [...ballots].sort(
    (a, b) =>
      ballotKinds.indexOf(a.kind) - ballotKinds.indexOf(b.kind) ||
      (a.awardTypeId ?? "").localeCompare(b.awardTypeId ?? "") ||
      a.round - b.round,
  );

/** The last round of a ballot's topic (the ballot itself when it is the last). */
const lastRoundOf = (ballots: readonly Ballot[], ballot: Ballot) =>
  ballots.filter((b) => topicOf(b) === topicOf(ballot)).reduce((last, b) => (b.round > last.round ? b : last), ballot);

/** A closed round whose count sent candidates to another round that nobody has opened yet. */
export const needsRunoff = (ballots: readonly Ballot[], ballot: Ballot): boolean =>
  ballot.status === "closed" &&
  (ballot.count?.result.runoff.length ?? 0) > 0 &&
  lastRoundOf(ballots, ballot) === ballot;

/** Those the last closed round of a kind elected (as the handover reads them), or none. */
export function electedBy(ballots: readonly Ballot[], kind: Ballot["kind"], awardTypeId?: string): string[] {
  const last = ballots
    .filter(
      (b) => b.kind === kind && b.status === "closed" && (awardTypeId === undefined || b.awardTypeId === awardTypeId),
    )
    .sort((a, b) => b.round - a.round)[0];
  return last?.count?.result.elected ?? [];
}

/** The seats of a leader or deputy are next year's: the question names the year they serve. */
export const servingYear = (kind: Ballot["kind"], year: number): number =>
  kind === "leader" || kind === "deputy" ? year + 1 : year;

/** Members who must be present: the share of the rules, of the members, rounded up (⅔ of 8 is 6). */
export const quorumNeeded = (quorum: number, members: number): number => Math.ceil(quorum * members - 1e-9);

/**
 * The presence to start a ballot's list from: the latest other ballot's that has one (an open one first,
 * then the last closed), since members present stay the same from one vote of the conference to the next.
 */
export function earlierPresence(ballots: readonly Ballot[], ballotId: string): string[] | undefined {
  const others = ballots.filter((b) => b.ballotId !== ballotId && b.present.length > 0);
  const latest = others.reduce<Ballot | undefined>((best, b) => (!best || later(b, best) ? b : best), undefined);
  return latest && [...latest.present];
}

// An open ballot is the conference going on now: later than any closed one; closed ones by their time.
const later = (a: Ballot, b: Ballot) =>
  a.status !== b.status ? a.status === "open" : (a.closed?.at ?? "") > (b.closed?.at ?? "");
