import type { Ballot } from "@thidua/core/ballot/rules";
import { describe, expect, it } from "vitest";
import { candidatesFor, electedFor, missingPrerequisites } from "./eligibility.ts";

const flag = { awardTypeId: "provincial-flag", leaderOnly: true, prerequisites: [] };
const certificate = { awardTypeId: "certificate-of-merit", leaderOnly: false, prerequisites: [] };
const government = { awardTypeId: "government-flag", leaderOnly: true, prerequisites: ["provincial-flag"] };

const ballot = (extra: Partial<Ballot>): Ballot => ({
  ballotId: "b",
  kind: "award",
  round: 1,
  candidates: [],
  seats: 1,
  secret: true,
  status: "closed",
  present: [],
  voted: [],
  version: 1,
  ...extra,
});
const counted = (elected: string[], votes: Record<string, number>) => ({
  returned: 8,
  blank: 0,
  votes,
  result: { quorumMet: true, elected, runoff: [], needed: 5 },
});

describe("candidates for an award", () => {
  const ballots = [
    ballot({ ballotId: "leading", kind: "leading_unit", count: counted(["a"], { a: 7 }) }),
    ballot({
      ballotId: "cert-1",
      awardTypeId: "certificate-of-merit",
      seats: 2,
      count: counted(["c", "b"], { b: 6, c: 8 }),
    }),
    ballot({ ballotId: "cert-open", awardTypeId: "certificate-of-merit", status: "open" }),
    ballot({ ballotId: "leader", kind: "leader", count: counted(["d"], { d: 8 }) }),
  ];

  it("reads the closed ballots for the award, the leading unit's vote for a flag", () => {
    expect([...electedFor(ballots, flag).keys()]).toEqual(["a"]);
    expect(electedFor(ballots, certificate).get("c")).toEqual({
      ballotId: "cert-1",
      kind: "award",
      round: 1,
      votes: 8,
      returned: 8,
    });
    expect(electedFor(ballots, { awardTypeId: "excellent-collective", leaderOnly: false }).size).toBe(0);
  });

  it("keeps the latest round's result", () => {
    const rounds = [
      ballot({ ballotId: "r2", round: 2, awardTypeId: "certificate-of-merit", count: counted(["b"], { b: 5 }) }),
      ballot({ ballotId: "r1", round: 1, awardTypeId: "certificate-of-merit", count: counted(["b"], { b: 4 }) }),
    ];
    expect(electedFor(rounds, certificate).get("b")?.ballotId).toBe("r2");
  });

  it("offers the elected first by votes, then the others, then those who cannot be proposed", () => {
    const list = candidatesFor(certificate, {
      members: ["a", "b", "c", "d", "e", "f"],
      proposals: [
        { awardTypeId: "certificate-of-merit", unitId: "d", status: "approved" },
        { awardTypeId: "certificate-of-merit", unitId: "a", status: "withdrawn" },
        { awardTypeId: "provincial-flag", unitId: "e", status: "proposed" },
      ],
      disciplined: (id) => id === "f",
      ballots,
    });
    expect(list.map((c) => [c.unitId, c.blocked ?? (c.elected ? "elected" : "")])).toEqual([
      ["c", "elected"],
      ["b", "elected"],
      ["a", ""],
      ["e", ""],
      ["d", "approved"],
      ["f", "disciplined"],
    ]);
  });
});

describe("missing prerequisites", () => {
  it("names the prerequisites the unit holds no proposal of this year", () => {
    expect(missingPrerequisites(government, "a", [])).toEqual(["provincial-flag"]);
    expect(
      missingPrerequisites(government, "a", [{ awardTypeId: "provincial-flag", unitId: "a", status: "rejected" }]),
    ).toEqual(["provincial-flag"]);
    expect(
      missingPrerequisites(government, "a", [{ awardTypeId: "provincial-flag", unitId: "a", status: "proposed" }]),
    ).toEqual([]);
    expect(missingPrerequisites(flag, "a", [])).toEqual([]);
  });
});
