import { describe, expect, it } from "vitest";
import { ballot, closed, signed } from "./ballots.fixture.ts";
import { earlierPresence, electedBy, needsRunoff, quorumNeeded, servingYear, sortBallots } from "./rounds.ts";

describe("the conference's rounds", () => {
  it("orders ballots as the minutes do: leading unit, awards, leader, deputies, rounds in turn", () => {
    const list = [
      ballot({ ballotId: "deputy-r1", kind: "deputy" }),
      ballot({ ballotId: "leader-r2", kind: "leader", round: 2 }),
      ballot({ ballotId: "award-b-r1", kind: "award", awardTypeId: "b" }),
      ballot({ ballotId: "leader-r1", kind: "leader" }),
      ballot({ ballotId: "award-a-r1", kind: "award", awardTypeId: "a" }),
      ballot(),
    ];
    expect(sortBallots(list).map((b) => b.ballotId)).toEqual([
      "leading_unit-r1",
      "award-a-r1",
      "award-b-r1",
      "leader-r1",
      "leader-r2",
      "deputy-r1",
    ]);
  });

  it("offers another round only for the last round of a topic, when its count sent candidates on", () => {
    const tie = closed({}, [], ["a", "b"]);
    expect(needsRunoff([tie], tie)).toBe(true);
    const next = ballot({ ballotId: "leading_unit-r2", round: 2, candidates: ["a", "b"] });
    expect(needsRunoff([tie, next], tie)).toBe(false);
    const won = closed({}, ["a"]);
    expect(needsRunoff([won], won)).toBe(false);
    // Another topic's rounds do not count.
    const award = ballot({ ballotId: "award-x-r2", kind: "award", awardTypeId: "x", round: 2 });
    expect(needsRunoff([tie, award], tie)).toBe(true);
  });

  it("reads who was elected from the last closed round of a kind", () => {
    const list = [
      closed({ ballotId: "leader-r1", kind: "leader" }, [], ["a", "b"]),
      closed({ ballotId: "leader-r2", kind: "leader", round: 2 }, ["b"]),
      ballot({ ballotId: "deputy-r1", kind: "deputy" }),
    ];
    expect(electedBy(list, "leader")).toEqual(["b"]);
    expect(electedBy(list, "deputy")).toEqual([]);
  });

  it("needs the quorum's share of members, rounded up, without float noise", () => {
    expect(quorumNeeded(2 / 3, 6)).toBe(4);
    expect(quorumNeeded(2 / 3, 8)).toBe(6);
    expect(quorumNeeded(0.5, 7)).toBe(4);
    expect(quorumNeeded(1, 5)).toBe(5);
  });

  it("starts a ballot's presence from the open ballot, else the last closed one", () => {
    const first = closed({ ballotId: "leading_unit-r1", present: ["a", "b"] }, ["a"]);
    const later = closed(
      {
        ballotId: "award-x-r1",
        kind: "award",
        awardTypeId: "x",
        present: ["a", "b", "c"],
        closed: signed("2026-01-10T10:00:00.000Z"),
      },
      ["a"],
    );
    const now = ballot({ ballotId: "leader-r1", kind: "leader" });
    expect(earlierPresence([first, later, now], "leader-r1")).toEqual(["a", "b", "c"]);
    const running = ballot({ ballotId: "deputy-r1", kind: "deputy", present: ["b"] });
    expect(earlierPresence([first, later, now, running], "leader-r1")).toEqual(["b"]);
    expect(earlierPresence([now], "leader-r1")).toBeUndefined();
  });

  it("speaks of next year for the seats, this year for the leading unit and awards", () => {
    expect(servingYear("leader", 2025)).toBe(2026);
    expect(servingYear("deputy", 2025)).toBe(2026);
    expect(servingYear("leading_unit", 2025)).toBe(2025);
    expect(servingYear("award", 2025)).toBe(2025);
  });
});
