import { describe, expect, it } from "vitest";
import type { Ballot } from "./ballot.rules.ts";
import { minutesOf } from "./minutes.rules.ts";

const ballot = (over: Partial<Ballot>): Ballot => ({
  ballotId: "leader-r1",
  kind: "leader",
  round: 1,
  candidates: ["a", "b", "c"],
  seats: 1,
  secret: true,
  status: "closed",
  present: ["a", "b", "c", "d"],
  voted: ["a", "b", "c", "d"],
  count: {
    returned: 4,
    blank: 1,
    votes: { a: 1, b: 2 },
    result: { quorumMet: true, elected: [], runoff: ["b", "a"], needed: 3 },
  },
  version: 2,
  ...over,
});

describe("the vote-count minutes", () => {
  it("counts papers and orders candidates by votes, the ballot's order breaking ties", () => {
    const [round] = minutesOf([ballot({})]);
    expect(round).toMatchObject({ issued: 4, returned: 4, valid: 4, invalid: 0, blank: 1, needed: 3 });
    expect(round?.votes).toEqual([
      { unitId: "b", votes: 2 },
      { unitId: "a", votes: 1 },
      { unitId: "c", votes: 0 },
    ]);
    expect(round?.runoff).toEqual(["b", "a"]);
  });

  it("issues a paper to a member who voted without being recorded present", () => {
    const [round] = minutesOf([ballot({ present: ["a", "b"], voted: ["b", "c"] })]);
    expect(round?.issued).toBe(3);
  });

  it("leaves open ballots out and orders rounds by kind, award and round", () => {
    const rounds = minutesOf([
      ballot({ ballotId: "leader-r2", round: 2 }),
      ballot({ ballotId: "open", status: "open" }),
      ballot({ ballotId: "award-b-r1", kind: "award", awardTypeId: "b" }),
      ballot({ ballotId: "leader-r1" }),
      ballot({ ballotId: "award-a-r1", kind: "award", awardTypeId: "a" }),
      ballot({ ballotId: "leading_unit-r1", kind: "leading_unit" }),
    ]);
    expect(rounds.map((r) => r.ballotId)).toEqual([
      "leading_unit-r1",
      "award-a-r1",
      "award-b-r1",
      "leader-r1",
      "leader-r2",
    ]);
  });
});
