import type { Ballot } from "../../api/ballots.ts";
import { sortBallots } from "./rounds.ts";

/** Where a member stands in the open vote: one question per open ballot, in the conference's order. */
export interface VoteQueue {
  /** Every open ballot, in order: "Câu k/n" counts these. */
  open: Ballot[];
  /** The open ballots the member has voted in. */
  voted: Ballot[];
  /** The first open ballot it has not voted in, with its place among the open ones (1-based). */
  current?: { ballot: Ballot; position: number };
}

export function voteQueue(ballots: readonly Ballot[], unitId: string): VoteQueue {
  const open = sortBallots(ballots.filter((b) => b.status === "open"));
  const index = open.findIndex((b) => !b.voted.includes(unitId));
  const current = open[index];
  return {
    open,
    voted: open.filter((b) => b.voted.includes(unitId)),
    ...(current ? { current: { ballot: current, position: index + 1 } } : {}),
  };
}

/**
 * A tap on a candidate: with one seat it replaces the choice (a radio); with more it adds or removes one,
 * never beyond the seats (a tap past the last seat changes nothing).
 */
export function toggleChoice(choices: readonly string[], unitId: string, seats: number): string[] {
  if (seats <= 1) return choices.includes(unitId) ? [] : [unitId];
  if (choices.includes(unitId)) return choices.filter((id) => id !== unitId);
  return choices.length >= seats ? [...choices] : [...choices, unitId];
}

/** Choices in the ballot's order of candidates, as the confirmation lists them. */
export const inBallotOrder = (ballot: Pick<Ballot, "candidates">, choices: readonly string[]): string[] =>
  ballot.candidates.filter((id) => choices.includes(id));

/** How often an open vote is read again: live while a ballot is open, slower while waiting for one. */
export const LIVE_MS = 3000;
export const WAITING_MS = 10_000;

export const refreshEvery = (ballots: readonly Ballot[] | undefined, waiting: boolean): number | false =>
  ballots?.some((b) => b.status === "open") ? LIVE_MS : waiting ? WAITING_MS : false;
