import { z } from "zod";
import { Signed } from "../cycle/cycle.rules.ts";
import { ReadVersion } from "../edit/edit.rules.ts";

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
  // A candidate nobody voted for goes no further (a round that could only repeat itself is not offered).
  const runoff = (rest.length > open ? rest.filter((c) => votesOf(c) >= cutVotes) : rest).filter((c) => votesOf(c) > 0);
  return { quorumMet: true, elected, runoff, needed };
}

const UnitId = z.string().min(1).max(120);
const unique = <T extends z.ZodArray>(list: T) =>
  list.refine((xs) => new Set(xs).size === xs.length, { message: "Listed twice" }).meta({ uniqueItems: true });

export const BallotResult = z
  .object({ quorumMet: z.boolean(), elected: z.array(z.string()), runoff: z.array(z.string()), needed: z.number() })
  .meta({ id: "BallotResult" });

/** A ballot as the API shows it: turnout while open, the count once closed. */
export const Ballot = z
  .object({
    ballotId: z.string(),
    kind: z.enum(ballotKinds),
    /** For an award ballot: the award type voted on. */
    awardTypeId: z.string().optional(),
    round: z.number().int(),
    candidates: z.array(z.string()),
    seats: z.number().int(),
    secret: z.boolean(),
    status: z.enum(["open", "closed"]),
    /** Members recorded present at the conference. */
    present: z.array(z.string()),
    /** Units that have voted (who, never what, when secret). */
    voted: z.array(z.string()),
    /** Once closed: ballots returned and blank, votes per candidate, the outcome. */
    count: z
      .object({
        returned: z.number().int(),
        blank: z.number().int(),
        votes: z.record(z.string(), z.number().int()),
        result: BallotResult,
      })
      .optional(),
    /** Who closed it, and when. */
    closed: Signed.optional(),
    version: z.number().int(),
  })
  .meta({ id: "Ballot" });
export type Ballot = z.infer<typeof Ballot>;

export const OpenBallotInput = z.object({
  kind: z.enum(ballotKinds),
  awardTypeId: z.string().min(1).max(120).optional(),
  candidates: unique(z.array(UnitId).min(1).max(200)),
  /** How many may be elected (1 for the leading unit and the leader). */
  seats: z.number().int().min(1).max(50).default(1),
});
export type OpenBallotInput = z.input<typeof OpenBallotInput>;

export const PresenceInput = z.object({ present: unique(z.array(UnitId).max(200)), version: ReadVersion });

export const CastInput = z.object({
  /** The member the vote is cast for (the caller's own unit). */
  unitId: UnitId,
  /** The candidates chosen, at most the seats; none is a blank ballot. */
  choices: unique(z.array(UnitId).max(50)),
});
