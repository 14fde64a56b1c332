/**
 * Counting a bloc's vote (bình xét, suy tôn) under the year's rules: a quorum of members present, and a
 * candidate elected with more than the threshold's share of the votes of members present. Seats left
 * open by a tie or by no majority go to a new round among the candidates concerned.
 */

export const ballotKinds = ["leading_unit", "award", "leader", "deputy"] as const;
export type BallotKind = (typeof ballotKinds)[number];

export interface TallyInput {
  /** Members of the bloc that year. */
  members: number;
  /** Members present at the conference (the quorum counts them). */
  present: number;
  /** Votes per candidate (a candidate with none may be absent). */
  votes: Readonly<Record<string, number>>;
  candidates: readonly string[];
  /** How many may be elected: 1 for the leading unit or the leader, the quota for an award. */
  seats: number;
  /** Share of members that must be present (⅔ by default). */
  quorum: number;
  /** Share of the votes of members present a candidate must exceed (½ by default). */
  threshold: number;
}

export interface TallyResult {
  quorumMet: boolean;
  /** Elected, most votes first (ties by id, for a stable order). */
  elected: string[];
  /** Candidates of a new round for the seats still open; empty when none is needed or possible. */
  runoff: string[];
  /** The fewest votes that elect: more than threshold × present. */
  needed: number;
}

// Shares are stored as fractions (⅔ as 0.666…): compare with a tolerance so ⅔ of 6 is 4, not 4.000…1.
const EPSILON = 1e-9;

/** The fewest whole votes strictly above `threshold × present`. */
export const votesNeeded = (present: number, threshold: number) => Math.floor(threshold * present + EPSILON) + 1;

export const quorumMet = (members: number, present: number, quorum: number) =>
  members > 0 && present >= quorum * members - EPSILON;

export function tally(input: TallyInput): TallyResult {
  const needed = votesNeeded(input.present, input.threshold);
  const met = quorumMet(input.members, input.present, input.quorum);
  if (!met) return { quorumMet: false, elected: [], runoff: [], needed };
  const votesOf = (c: string) => input.votes[c] ?? 0;
  const ranked = [...new Set(input.candidates)].sort((a, b) => votesOf(b) - votesOf(a) || (a < b ? -1 : a > b ? 1 : 0));
  const qualified = ranked.filter((c) => votesOf(c) >= needed);
  const seats = Math.max(0, input.seats);
  let elected = qualified.slice(0, seats);
  // A tie across the last seat elects none of the tied: they go to a new round.
  const boundary = qualified[seats];
  if (boundary !== undefined && elected.length === seats) {
    const tiedVotes = votesOf(boundary);
    elected = elected.filter((c) => votesOf(c) > tiedVotes);
  }
  const open = seats - elected.length;
  if (open === 0) return { quorumMet: true, elected, runoff: [], needed };
  // The next round: the best of those not elected, enough to fill the open seats and one more, ties kept.
  const rest = ranked.filter((c) => !elected.includes(c));
  const cut = rest[Math.min(open, rest.length - 1)];
  const cutVotes = cut === undefined ? 0 : votesOf(cut);
  const runoff = rest.length > open ? rest.filter((c) => votesOf(c) >= cutVotes) : rest;
  // A round that could only repeat itself (everyone tied at nothing) is not offered.
  return {
    quorumMet: true,
    elected,
    runoff: runoff.length > 0 && rest.some((c) => votesOf(c) > 0) ? runoff : [],
    needed,
  };
}
