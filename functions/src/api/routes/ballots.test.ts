import { tenantItemsForTests } from "@thidua/core/db/testing";
import { describe, expect, it } from "vitest";
import { as, rankedYear, type Year } from "./cycle.fixture.ts";

const ballots = (y: Year) => `${y.path}/ballots`;
const open = (y: Year, body: object = {}) =>
  as(y.officer(y.leader), ballots(y), "POST", { kind: "leading_unit", candidates: y.units, ...body });
const cast = (y: Year, ballotId: string, unitId: string, choices: string[]) =>
  as(y.officer(unitId), `${ballots(y)}/${ballotId}/votes`, "POST", { unitId, choices });

describe("ballots", () => {
  it("lets the leader open a vote of eligible members once the year is ranked, and nobody else", async () => {
    const y = await rankedYear();
    const byMember = await as(y.officer(y.second), ballots(y), "POST", { kind: "leading_unit", candidates: y.units });
    expect([byMember.status, byMember.body.error.code]).toEqual([403, "cycle.not_leader"]);
    const leaderAgain = await open(y, { kind: "leader" });
    expect(leaderAgain.body.error.fields).toEqual([{ path: "candidates.0", message: "bloc.leader_consecutive" }]);
    const opened = await open(y);
    expect([opened.status, opened.body]).toMatchObject([
      201,
      { ballotId: "leading_unit-r1", status: "open", secret: true },
    ]);
    const twice = await open(y);
    expect([twice.status, twice.body.error.code]).toEqual([409, "ballot.already_open"]);
  });

  it("takes one ballot per member, for candidates only, shows turnout and no count until closed", async () => {
    const y = await rankedYear();
    const { body: ballot } = await open(y);
    expect((await cast(y, ballot.ballotId, y.second, [y.leader])).status).toBe(201);
    const again = await cast(y, ballot.ballotId, y.second, [y.third]);
    expect([again.status, again.body.error.code]).toEqual([409, "ballot.already_voted"]);
    const forOther = await as(y.officer(y.third), `${ballots(y)}/${ballot.ballotId}/votes`, "POST", {
      unitId: y.second,
      choices: [y.third],
    });
    expect([forOther.status, forOther.body.error.code]).toEqual([403, "ballot.not_member"]);
    const notCandidate = await cast(y, ballot.ballotId, y.third, ["someone-else"]);
    expect([notCandidate.status, notCandidate.body.error.code]).toEqual([409, "ballot.not_candidate"]);
    const tooMany = await cast(y, ballot.ballotId, y.third, [y.leader, y.second]);
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, "ballot.too_many_choices"]);
    const { body } = await as(y.officer(y.third), ballots(y));
    expect(body.items[0]).toMatchObject({ voted: [y.second], status: "open" });
    expect(body.items[0].count).toBeUndefined();
  });

  it("counts a member's twenty simultaneous ballots once", async () => {
    const y = await rankedYear();
    const { body: ballot } = await open(y);
    const answers = await Promise.all(Array.from({ length: 20 }, () => cast(y, ballot.ballotId, y.third, [y.leader])));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/presence`, "PUT", { present: y.units, version: 1 });
    const closed = await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/close`, "POST", { version: 2 });
    expect(closed.body.count).toMatchObject({ returned: 1, votes: { [y.leader]: 1 } });
  });

  it("does not close below quorum; with the members present it counts, and a vote after closing is refused", async () => {
    const y = await rankedYear();
    const { body: ballot } = await open(y);
    for (const u of y.units) await cast(y, ballot.ballotId, u, [y.second]);
    const close = (version: number) =>
      as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/close`, "POST", { version });
    // One of three present: two-thirds is two.
    await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/presence`, "PUT", {
      present: [y.leader],
      version: 1,
    });
    const below = await close(2);
    expect([below.status, below.body.error.code, below.body.error.fields[0].limit]).toEqual([
      409,
      "ballot.below_quorum",
      2,
    ]);
    expect((await as(y.board, ballots(y))).body.items[0].status).toBe("open");
    await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/presence`, "PUT", { present: y.units, version: 2 });
    const closed = await close(3);
    expect(closed.body.count).toEqual({
      returned: 3,
      blank: 0,
      votes: { [y.leader]: 0, [y.second]: 3, [y.third]: 0 },
      result: { quorumMet: true, elected: [y.second], runoff: [], needed: 2 },
    });
    const late = await cast(y, ballot.ballotId, y.third, [y.second]);
    expect([late.status, late.body.error.code]).toEqual([409, "ballot.closed"]);
  });

  it("keeps nothing that links a member to its choice in a secret ballot", async () => {
    const y = await rankedYear();
    const { body: ballot } = await open(y);
    const choices: Record<string, string> = { [y.leader]: y.second, [y.second]: y.third, [y.third]: y.second };
    for (const [voter, choice] of Object.entries(choices)) await cast(y, ballot.ballotId, voter, [choice]);
    const stored = (await tenantItemsForTests(y.tenantId)).filter((item) =>
      JSON.stringify(item).includes(ballot.ballotId),
    );
    const papers = stored.filter((i) => String(i.sk).startsWith("PAPER#"));
    const marks = stored.filter((i) => String(i.sk).startsWith("VOTED#"));
    expect([papers.length, marks.length]).toEqual([3, 3]);
    for (const paper of papers) {
      // The choices alone: no voter, no time, an id that orders nothing.
      expect(
        Object.keys(paper)
          .filter((k) => !k.startsWith("__edb"))
          .sort(),
      ).toEqual(["ballotId", "blocId", "choices", "paperId", "pk", "sk", "year"].sort());
    }
    for (const mark of marks) expect(mark.choices).toBeUndefined();
    // The trail says who voted, never what.
    for (const item of stored.filter((i) => String(i.pk).includes("#AUDIT")))
      expect(JSON.stringify(item)).not.toContain("choices");
  });
});

describe("handover", () => {
  it("seats the elected leader and deputy for next year and records the handover, once", async () => {
    const y = await rankedYear();
    const elect = async (kind: string, candidates: string[], choice: string) => {
      const { body: ballot } = await open(y, { kind, candidates });
      for (const u of y.units) await cast(y, ballot.ballotId, u, [choice]);
      await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/presence`, "PUT", {
        present: y.units,
        version: 1,
      });
      const closed = await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/close`, "POST", { version: 2 });
      expect(closed.body.count.result.elected).toEqual([choice]);
    };
    const handOver = (version: number) =>
      as(y.officer(y.leader), `${y.path}/handover`, "POST", {
        note: "Bàn giao hồ sơ và cờ trưởng khối",
        nextYearVersion: version,
      });
    expect((await handOver(0)).body.error.code).toBe("cycle.no_elected_leader");
    await elect("leader", [y.second, y.third], y.second);
    await elect("deputy", [y.third], y.third);
    const next = `/api/blocs/${y.bloc.blocId}/years/2026`;
    expect((await as(y.board, `${next}/rollover`, "POST")).status).toBe(201);
    const { body: prepared } = await as(y.board, next);
    const done = await handOver(prepared.version);
    expect([done.status, done.body.handover]).toMatchObject([
      200,
      { leaderUnitId: y.second, deputyUnitIds: [y.third] },
    ]);
    expect((await as(y.board, next)).body).toMatchObject({ leaderUnitId: y.second, deputyUnitIds: [y.third] });
    const again = await handOver(prepared.version + 1);
    expect([again.status, again.body.error.code]).toEqual([409, "cycle.already_handed_over"]);
  });
});
