import { describe, expect, it } from "vitest";
import { ballot, closed } from "./ballots.fixture.ts";
import { type CandidateContext, defaultCandidates, defaultSeats, eligibleFor } from "./candidates.ts";

const ctx = (extra: Partial<CandidateContext> = {}): CandidateContext => ({
  // Best first: "d" cannot rank (discipline), "e" is missing from the ranking.
  ranking: [
    { unitId: "c", eligible: true },
    { unitId: "a", eligible: true },
    { unitId: "d", eligible: false },
    { unitId: "b", eligible: true },
  ],
  members: ["a", "b", "c", "d", "e"],
  disciplined: new Set(["d"]),
  leaderUnitId: "a",
  noConsecutiveLeader: true,
  ballots: [],
  ...extra,
});

describe("the candidates a ballot starts with", () => {
  it("takes the ranking's eligible units, best first, for the leading unit (members the ranking lacks last)", () => {
    expect(defaultCandidates("leading_unit", ctx())).toEqual(["c", "a", "b", "e"]);
  });

  it("keeps an award meant for the leading unit to the unit elected, others follow the ranking", () => {
    const ballots = [closed({}, ["c"])];
    expect(defaultCandidates("award", ctx({ ballots }), { awardTypeId: "flag", leaderOnly: true })).toEqual(["c"]);
    expect(defaultCandidates("award", ctx({ ballots }), { awardTypeId: "merit", leaderOnly: false })).toEqual([
      "c",
      "a",
      "b",
      "e",
    ]);
    // Before the leading unit is elected, a leader-only award still lists the ranking.
    expect(defaultCandidates("award", ctx(), { awardTypeId: "flag", leaderOnly: true })).toEqual(["c", "a", "b", "e"]);
  });

  it("leaves out this year's leader when rotation forbids, and the disciplined, for the leader seat", () => {
    expect(eligibleFor("leader", ctx())).toEqual(["b", "c", "e"]);
    expect(defaultCandidates("leader", ctx())).toEqual(["b", "c", "e"]);
    expect(defaultCandidates("leader", ctx({ noConsecutiveLeader: false }))).toEqual(["a", "b", "c", "e"]);
  });

  it("leaves the leader just elected out of the deputies", () => {
    const ballots = [closed({ ballotId: "leader-r1", kind: "leader" }, ["b"])];
    expect(defaultCandidates("deputy", ctx({ ballots }))).toEqual(["a", "c", "e"]);
  });

  it("takes a runoff's candidates from the previous round of the same topic", () => {
    const ballots = [
      closed({ ballotId: "award-merit-r1", kind: "award", awardTypeId: "merit", seats: 2 }, ["c"], ["a", "b"]),
      ballot({ ballotId: "leading_unit-r1" }),
    ];
    const award = { awardTypeId: "merit", leaderOnly: false };
    expect(defaultCandidates("award", ctx({ ballots }), award)).toEqual(["a", "b"]);
    expect(defaultCandidates("award", ctx({ ballots }), { awardTypeId: "other", leaderOnly: false })).toHaveLength(4);
  });
});

describe("the seats a ballot starts with", () => {
  it("elects one leading unit and one leader, the quota for an award, this year's number of deputies", () => {
    expect(defaultSeats("leading_unit", 4, { deputies: 2 })).toBe(1);
    expect(defaultSeats("leader", 4, { deputies: 2 })).toBe(1);
    expect(defaultSeats("award", 4, { quota: 2, deputies: 0 })).toBe(2);
    expect(defaultSeats("award", 4, { quota: 0, deputies: 0 })).toBe(1);
    expect(defaultSeats("deputy", 4, { deputies: 2 })).toBe(2);
    expect(defaultSeats("deputy", 4, { deputies: 0 })).toBe(1);
  });

  it("never exceeds the candidates, and a runoff fills the seats left open", () => {
    expect(defaultSeats("award", 1, { quota: 3, deputies: 0 })).toBe(1);
    const previous = closed({ kind: "award", awardTypeId: "merit", seats: 3 }, ["c"], ["a", "b"]);
    expect(defaultSeats("award", 2, { quota: 3, deputies: 0, previous })).toBe(2);
  });
});
