import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quorumMet, type TallyInput, tally, votesNeeded } from "./ballot.rules.ts";

const defaults = { quorum: 2 / 3, threshold: 0.5 };
const vote = (votes: Record<string, number>, extra: Partial<TallyInput> = {}): TallyInput => ({
  members: 8,
  present: 7,
  votes,
  candidates: Object.keys(votes),
  seats: 1,
  ...defaults,
  ...extra,
});

describe("quorum and threshold", () => {
  it("counts two-thirds of members present exactly, and a majority as more than half of those present", () => {
    expect(quorumMet(6, 4, 2 / 3)).toBe(true);
    expect(quorumMet(6, 3, 2 / 3)).toBe(false);
    expect(quorumMet(8, 6, 2 / 3)).toBe(true);
    expect(quorumMet(8, 5, 2 / 3)).toBe(false);
    expect(votesNeeded(7, 0.5)).toBe(4);
    expect(votesNeeded(8, 0.5)).toBe(5);
  });
});

describe("counting a vote", () => {
  it("elects the leading unit with a majority of members present", () => {
    expect(tally(vote({ "van-phong": 5, "bao-ninh-thuan": 2 }))).toEqual({
      quorumMet: true,
      elected: ["van-phong"],
      runoff: [],
      needed: 4,
    });
  });

  it("elects nobody below quorum", () => {
    expect(tally(vote({ "van-phong": 5 }, { present: 5 }))).toMatchObject({
      quorumMet: false,
      elected: [],
      runoff: [],
    });
  });

  it("sends a tie across the last seat to a new round with the tied candidates", () => {
    expect(tally(vote({ a: 4, b: 4, c: 0 }, { present: 8 }))).toMatchObject({ elected: [], runoff: ["a", "b"] });
    // Two certificates: the first is elected, the tie for the second goes to a new round.
    expect(tally(vote({ a: 6, b: 5, c: 5, d: 1 }, { seats: 2 }))).toMatchObject({ elected: ["a"], runoff: ["b", "c"] });
  });

  it("sends no majority to a new round among the best, ties kept", () => {
    expect(tally(vote({ a: 3, b: 2, c: 2 }))).toMatchObject({ elected: [], runoff: ["a", "b", "c"] });
    expect(tally(vote({ a: 3, b: 3, c: 1 }))).toMatchObject({ elected: [], runoff: ["a", "b"] });
    // Two seats, two candidates with votes and none a majority: those nobody chose go no further.
    expect(tally(vote({ a: 2, b: 2, c: 0, d: 0, e: 0 }, { seats: 2 }))).toMatchObject({
      elected: [],
      runoff: ["a", "b"],
    });
  });
});

const arbitrary = fc
  .record({
    members: fc.integer({ min: 1, max: 20 }),
    presentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    seats: fc.integer({ min: 1, max: 4 }),
    votes: fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.integer({ min: 0, max: 20 })),
    quorum: fc.constantFrom(0.5, 2 / 3, 0.75, 1),
    threshold: fc.constantFrom(0.5, 2 / 3, 0.3),
  })
  .map(
    ({ members, presentShare, votes, ...rest }): TallyInput => ({
      members,
      present: Math.round(presentShare * members),
      votes,
      candidates: Object.keys(votes),
      ...rest,
    }),
  );

describe("counting, whatever the votes", () => {
  it("elects at most the seats, each with more than the threshold of members present, none below quorum", () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const { elected, runoff, quorumMet: met } = tally(input);
        expect(elected.length).toBeLessThanOrEqual(input.seats);
        for (const c of elected) expect(input.votes[c] ?? 0).toBeGreaterThan(input.threshold * input.present);
        if (!met) expect([elected, runoff]).toEqual([[], []]);
        for (const c of runoff) expect(elected).not.toContain(c);
      }),
    );
  });

  it("never elects a candidate over one with more votes, and ignores the candidates' order", () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const result = tally(input);
        const votesOf = (c: string) => input.votes[c] ?? 0;
        const lowestElected = Math.min(...result.elected.map(votesOf));
        for (const c of input.candidates.filter((c) => !result.elected.includes(c)))
          expect(votesOf(c)).toBeLessThanOrEqual(result.elected.length ? lowestElected : Infinity);
        expect(tally({ ...input, candidates: [...input.candidates].reverse() })).toEqual(result);
      }),
    );
  });

  it("offers a new round only when seats stay open, to the best of those not elected", () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const { elected, runoff, quorumMet: met } = tally(input);
        const votesOf = (c: string) => input.votes[c] ?? 0;
        const rest = input.candidates.filter((c) => !elected.includes(c));
        if (elected.length === input.seats || !met) expect(runoff).toEqual([]);
        else if (rest.some((c) => votesOf(c) > 0)) {
          expect(runoff.length).toBeGreaterThan(0);
          const weakest = Math.min(...runoff.map(votesOf));
          for (const c of rest.filter((c) => !runoff.includes(c))) expect(votesOf(c)).toBeLessThan(weakest);
        }
      }),
    );
  });
});
