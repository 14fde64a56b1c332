import { type Ballot, ballotKinds } from "./ballot.rules.ts";

/**
 * The vote-count minutes (biên bản kiểm phiếu) of a bloc-year, built from its closed ballots alone: who
 * was present, papers issued and returned, valid, invalid and blank, votes per candidate and the result
 * of each round. The dashboard prints it; the documents module writes it as a Word file.
 */

export interface MinutesRound {
  ballotId: string;
  kind: Ballot["kind"];
  awardTypeId?: string;
  round: number;
  secret: boolean;
  seats: number;
  /** Members recorded present at the conference. */
  present: string[];
  /** One paper per member present or voting. */
  issued: number;
  returned: number;
  /** The API refuses a paper naming a non-candidate or too many: every returned paper is valid. */
  valid: number;
  invalid: number;
  /** Valid papers that chose nobody. */
  blank: number;
  /** Candidates with their votes, most first (ties in the ballot's order of candidates). */
  votes: { unitId: string; votes: number }[];
  /** The fewest votes that elect. */
  needed: number;
  quorumMet: boolean;
  elected: string[];
  /** Candidates sent to a new round. */
  runoff: string[];
  closed?: Ballot["closed"];
}

const kindOrder = (kind: Ballot["kind"]) => ballotKinds.indexOf(kind);

/** The minutes' rounds: closed ballots by kind (leading unit, awards, leader, deputy), award type and round. */
export function minutesOf(ballots: readonly Ballot[]): MinutesRound[] {
  return ballots
    .filter((b): b is Ballot & { count: NonNullable<Ballot["count"]> } => b.status === "closed" && !!b.count)
    .sort(
      (a, b) =>
        kindOrder(a.kind) - kindOrder(b.kind) ||
        (a.awardTypeId ?? "").localeCompare(b.awardTypeId ?? "") ||
        a.round - b.round,
    )
    .map((b) => {
      const { returned, blank, votes, result } = b.count;
      return {
        ballotId: b.ballotId,
        kind: b.kind,
        ...(b.awardTypeId ? { awardTypeId: b.awardTypeId } : {}),
        round: b.round,
        secret: b.secret,
        seats: b.seats,
        present: b.present,
        issued: new Set([...b.present, ...b.voted]).size,
        returned,
        valid: returned,
        invalid: 0,
        blank,
        votes: b.candidates
          .map((unitId, order) => ({ unitId, votes: votes[unitId] ?? 0, order }))
          .sort((x, y) => y.votes - x.votes || x.order - y.order)
          .map(({ unitId, votes: n }) => ({ unitId, votes: n })),
        needed: result.needed,
        quorumMet: result.quorumMet,
        elected: result.elected,
        runoff: result.runoff,
        ...(b.closed ? { closed: b.closed } : {}),
      };
    });
}
