import type { Ballot } from "../../api/ballots.ts";

/** Ballots for the tests: open by default, or closed with a count electing some and sending others on. */
export const signed = (at: string) => ({ at, by: "u", byName: "Cán bộ" });
export const ballot = (extra: Partial<Ballot> = {}): Ballot => ({
  ballotId: "leading_unit-r1",
  kind: "leading_unit",
  round: 1,
  candidates: ["a", "b", "c"],
  seats: 1,
  secret: true,
  status: "open",
  present: [],
  voted: [],
  version: 1,
  ...extra,
});
export const closed = (extra: Partial<Ballot>, elected: string[], runoff: string[] = []): Ballot =>
  ballot({
    status: "closed",
    count: { returned: 3, blank: 0, votes: {}, result: { quorumMet: true, elected, runoff, needed: 2 } },
    closed: signed("2026-01-10T09:00:00.000Z"),
    ...extra,
  });
