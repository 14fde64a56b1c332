import { describe, expect, it } from "vitest";
import { ballot, closed } from "./ballots.fixture.ts";
import { inBallotOrder, LIVE_MS, refreshEvery, toggleChoice, voteQueue, WAITING_MS } from "./voteFlow.ts";

describe("a member's way through the open ballots", () => {
  const leading = ballot({ ballotId: "leading_unit-r1", voted: ["me"] });
  const award = ballot({ ballotId: "award-x-r1", kind: "award", awardTypeId: "x" });
  const leader = ballot({ ballotId: "leader-r1", kind: "leader" });
  const done = closed({ ballotId: "deputy-r1", kind: "deputy" }, ["a"]);

  it("asks the first open ballot not voted in, counting its place among the open ones", () => {
    const queue = voteQueue([leader, done, award, leading], "me");
    expect(queue.open.map((b) => b.ballotId)).toEqual(["leading_unit-r1", "award-x-r1", "leader-r1"]);
    expect(queue.voted.map((b) => b.ballotId)).toEqual(["leading_unit-r1"]);
    expect(queue.current?.ballot.ballotId).toBe("award-x-r1");
    expect(queue.current?.position).toBe(2);
  });

  it("has no question once every open ballot has the member's vote, or when none is open", () => {
    expect(voteQueue([leading, done], "me").current).toBeUndefined();
    const none = voteQueue([done], "me");
    expect(none.open).toEqual([]);
    expect(none.current).toBeUndefined();
  });
});

describe("choosing on a ballot", () => {
  it("replaces the choice with one seat", () => {
    expect(toggleChoice([], "a", 1)).toEqual(["a"]);
    expect(toggleChoice(["a"], "b", 1)).toEqual(["b"]);
    expect(toggleChoice(["a"], "a", 1)).toEqual([]);
  });

  it("adds and removes up to the seats, never beyond", () => {
    expect(toggleChoice(["a"], "b", 2)).toEqual(["a", "b"]);
    expect(toggleChoice(["a", "b"], "c", 2)).toEqual(["a", "b"]);
    expect(toggleChoice(["a", "b"], "a", 2)).toEqual(["b"]);
  });

  it("sends the choices in the ballot's order of candidates", () => {
    expect(inBallotOrder({ candidates: ["a", "b", "c"] }, ["c", "a"])).toEqual(["a", "c"]);
  });
});

describe("following the vote live", () => {
  it("reads every few seconds while a ballot is open, slowly while a voter waits, not at all otherwise", () => {
    expect(refreshEvery([ballot()], false)).toBe(LIVE_MS);
    expect(refreshEvery([closed({}, ["a"])], false)).toBe(false);
    expect(refreshEvery([closed({}, ["a"])], true)).toBe(WAITING_MS);
    expect(refreshEvery(undefined, false)).toBe(false);
  });
});
