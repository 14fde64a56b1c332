import { getRanking, getScoreGrid } from "@thidua/core/score";
import { freshTenant } from "@thidua/test/support";
import { dynamoRequestsOf } from "@thidua/test/support/requests";
import { describe, expect, it } from "vitest";
import { as, fullSheet, move, partOf, scoringYear, verificationYear, type Year } from "./cycle.fixture.ts";

const sheet = (y: Year, u: string) => `${y.member(u)}/scores`;

describe("self-scoring", () => {
  it("refuses points above the max, below zero or finer than hundredths, naming the line, and writes nothing", async () => {
    const y = await scoringYear();
    const send = (lines: object) => as(y.officer(y.second), sheet(y, y.second), "PUT", { lines, version: 3 });
    const over = await send({ "1.1": { points: 61 } });
    expect([over.status, over.body.error.fields]).toEqual([
      400,
      [{ path: "lines.1.1.points", message: "score.over_max" }],
    ]);
    const fine = await send({ "1.2": { points: 10.125 } });
    expect(fine.body.error.fields).toEqual([{ path: "lines.1.2.points", message: "score.too_precise" }]);
    const negative = await send({ "1.2": { points: -1 } });
    expect([negative.status, negative.body.error.fields[0].path]).toEqual([400, "lines.1.2.points"]);
    const unknown = await send({ "9.9": { points: 1 } });
    expect(unknown.body.error.fields).toEqual([{ path: "lines.9.9", message: "score.unknown_line" }]);
    const noReason = await send({ p1: { points: 2 } });
    expect(noReason.body.error.fields).toEqual([{ path: "lines.p1.note", message: "score.reason_required" }]);
    expect((await partOf(y, y.second)).scores).toBeUndefined();
    // A unit scores only itself.
    const other = await as(y.officer(y.second), sheet(y, y.third), "PUT", fullSheet(3));
    expect([other.status, other.body.error.code]).toEqual([403, "cycle.not_your_unit"]);
  });

  it("submits only a complete sheet, listing criteria without a score or their required evidence", async () => {
    const y = await scoringYear();
    const { lines } = fullSheet(3);
    await as(y.officer(y.second), sheet(y, y.second), "PUT", {
      lines: { "1.1": { ...lines["1.1"], links: [] } },
      version: 3,
    });
    const early = await as(y.officer(y.second), `${sheet(y, y.second)}/submit`, "POST", { version: 4 });
    expect([early.status, early.body.error.code, early.body.error.fields]).toEqual([
      400,
      "score.incomplete",
      [
        { path: "lines.1.1.evidence", message: "score.evidence_required" },
        { path: "lines.1.2", message: "score.missing" },
      ],
    ]);
    await as(y.officer(y.second), sheet(y, y.second), "PUT", fullSheet(4));
    const done = await as(y.officer(y.second), `${sheet(y, y.second)}/submit`, "POST", { version: 5 });
    expect(done.body.scores.submitted.at).toBeTruthy();
    const after = await as(y.officer(y.second), sheet(y, y.second), "PUT", fullSheet(6));
    expect([after.status, after.body.error.code]).toEqual([409, "score.submitted"]);
    const early2 = await move(y, y.officer(y.leader), "verification");
    expect(early2.body.error.fields).toEqual(
      expect.arrayContaining([{ path: `members.${y.leader}`, message: "cycle.missing_scores_submitted" }]),
    );
  });
});

describe("verification", () => {
  it("is done by the assigned scorer, never by the unit itself; a scorer may step back and the leader reassigns", async () => {
    const y = await verificationYear();
    const verify = (actor: Year["board"], u: string, line: string, body: object) =>
      as(actor, `${sheet(y, u)}/${line}/verified`, "PUT", body);
    // The leader's own sheet needs a scorer: the leader cannot verify itself.
    const self = await verify(y.officer(y.leader), y.leader, "1.1", { points: 55, version: 5 });
    expect([self.status, self.body.error.code]).toEqual([403, "score.self_verify"]);
    const selfAssign = await as(y.officer(y.leader), `${y.member(y.leader)}/scorer`, "PUT", {
      scorerUnitId: y.leader,
      version: 5,
    });
    expect(selfAssign.body.error.code).toBe("score.self_verify");
    await as(y.officer(y.leader), `${y.member(y.leader)}/scorer`, "PUT", { scorerUnitId: y.second, version: 5 });
    // The scorer reads the sheet it verifies; another member does not.
    const seen = (await as(y.officer(y.second), `${y.path}/scores`)).body.participations.map(
      (p: { unitId: string }) => p.unitId,
    );
    expect(seen.sort()).toEqual([y.leader, y.second].sort());
    const notScorer = await verify(y.officer(y.third), y.leader, "1.1", { points: 55, version: 6 });
    expect([notScorer.status, notScorer.body.error.code]).toEqual([403, "score.not_verifier"]);

    const recused = await as(y.officer(y.second), `${y.member(y.leader)}/scorer/recuse`, "POST", {
      reason: "Đơn vị có cán bộ biệt phái",
      version: 6,
    });
    expect(recused.body.verification).toMatchObject({
      recusals: [{ unitId: y.second, reason: "Đơn vị có cán bộ biệt phái" }],
    });
    expect(recused.body.verification.scorerUnitId).toBeUndefined();
    const again = await as(y.officer(y.leader), `${y.member(y.leader)}/scorer`, "PUT", {
      scorerUnitId: y.second,
      version: 7,
    });
    expect(again.body.error.code).toBe("score.scorer_recused");
    await as(y.officer(y.leader), `${y.member(y.leader)}/scorer`, "PUT", { scorerUnitId: y.third, version: 7 });

    // An adjustment needs a reason; the unit sees both values, and the trail keeps the previous one.
    const bare = await verify(y.officer(y.third), y.leader, "1.1", { points: 50, version: 8 });
    expect(bare.body.error.fields).toEqual([{ path: "reason", message: "score.reason_required" }]);
    const adjusted = await verify(y.officer(y.third), y.leader, "1.1", {
      points: 50,
      reason: "Thiếu minh chứng quý IV",
      version: 8,
    });
    expect(adjusted.status).toBe(200);
    const mine = (await as(y.officer(y.leader), `${y.path}/cycle`)).body.participations.find(
      (p: { unitId: string }) => p.unitId === y.leader,
    );
    expect([mine.scores.lines["1.1"].points, mine.verification.lines["1.1"]]).toEqual([
      55,
      expect.objectContaining({ points: 50, reason: "Thiếu minh chứng quý IV" }),
    ]);
    const trail = await as(y.board, `/api/audit?entity=participation&entityId=${y.bloc.blocId}/2025/${y.leader}`);
    expect(trail.body.items[0]).toMatchObject({ before: { lines: { "1.1": 55 } }, after: { lines: { "1.1": 50 } } });
  });

  it("locks a fully verified sheet; after the lock only the board unlocks, with a reason", async () => {
    const y = await verificationYear();
    const u = y.third;
    const early = await as(y.officer(y.leader), `${sheet(y, u)}/lock`, "POST", { version: 5 });
    expect([early.status, early.body.error.code, early.body.error.fields]).toEqual([
      409,
      "score.unverified",
      [
        { path: "lines.1.1", message: "score.unverified" },
        { path: "lines.1.2", message: "score.unverified" },
        { path: "lines.b1", message: "score.unverified" },
      ],
    ]);
    const adjusted = await as(y.officer(y.leader), `${sheet(y, u)}/1.2/verified`, "PUT", {
      points: 30,
      reason: "Chưa đủ hồ sơ",
      version: 5,
    });
    expect(adjusted.status).toBe(200);
    // The rest as the unit scored it; the adjusted line keeps its points.
    const rest = await as(y.officer(y.leader), `${sheet(y, u)}/accept-remaining`, "POST", { version: 6 });
    const points = Object.entries(rest.body.verification.lines).map(([id, l]) => [
      id,
      (l as { points: number }).points,
    ]);
    expect(Object.fromEntries(points)).toEqual({ "1.1": 55, "1.2": 30, b1: 2 });
    let version = 7;
    expect((await as(y.officer(y.leader), `${sheet(y, u)}/lock`, "POST", { version })).status).toBe(200);
    version += 1;
    const afterLock = await as(y.officer(y.leader), `${sheet(y, u)}/1.1/verified`, "PUT", {
      points: 40,
      reason: "Xem lại",
      version,
    });
    expect([afterLock.status, afterLock.body.error.code]).toEqual([409, "score.locked"]);
    const leaderUnlock = await as(y.officer(y.leader), `${sheet(y, u)}/unlock`, "POST", { reason: "Xem lại", version });
    expect(leaderUnlock.status).toBe(403);
    const unlocked = await as(y.board, `${sheet(y, u)}/unlock`, "POST", {
      reason: "Đơn vị khiếu nại điểm 1.1",
      version,
    });
    expect([unlocked.status, unlocked.body.error]).toEqual([200, undefined]);
    expect(unlocked.body.verification.locked).toBeUndefined();
    const trail = await as(y.board, `/api/audit?entity=participation&entityId=${y.bloc.blocId}/2025/${u}`);
    expect(trail.body.items[0]).toMatchObject({ reason: "Đơn vị khiếu nại điểm 1.1" });
  });
});

describe("ranking", () => {
  it("ranks from verified points once every sheet is locked; a unit under discipline cannot rank first", async () => {
    const y = await verificationYear();
    const verified: Record<string, number> = { [y.leader]: 50, [y.second]: 58, [y.third]: 55 };
    await as(y.officer(y.leader), `${y.member(y.leader)}/scorer`, "PUT", { scorerUnitId: y.third, version: 5 });
    for (const u of y.units) {
      const by = u === y.leader ? y.officer(y.third) : y.officer(y.leader);
      let version = (await partOf(y, u)).version;
      const lines = { "1.1": verified[u] ?? 0, "1.2": 38.5, b1: 2 };
      for (const [line, points] of Object.entries(lines)) {
        const res = await as(by, `${sheet(y, u)}/${line}/verified`, "PUT", { points, reason: "Theo hồ sơ", version });
        expect(res.status).toBe(200);
        version += 1;
      }
      expect((await as(by, `${sheet(y, u)}/lock`, "POST", { version })).status).toBe(200);
    }
    // Members see the ranking once the year is ranked.
    expect((await as(y.officer(y.third), `${y.path}/ranking`)).status).toBe(409);
    expect((await move(y, y.officer(y.leader), "ranked")).body.phase).toBe("ranked");
    const { body } = await as(y.officer(y.third), `${y.path}/ranking`);
    expect(body.complete).toBe(true);
    expect(
      body.entries.map((e: { unitId: string; rank: number; total: number }) => [e.unitId, e.rank, e.total]),
    ).toEqual([
      [y.second, 1, 98.5],
      [y.third, 2, 95.5],
      [y.leader, 3, 90.5],
    ]);

    const { body: unit } = await as(y.board, `/api/units/${y.second}`);
    await as(y.board, `/api/units/${y.second}`, "PATCH", {
      discipline: { "2025": "Cán bộ bị kỷ luật" },
      version: unit.version,
    });
    const after = await as(y.board, `${y.path}/ranking`);
    expect(after.body.entries.map((e: { unitId: string; rank: number | null }) => [e.unitId, e.rank])).toEqual([
      [y.second, null],
      [y.third, 1],
      [y.leader, 2],
    ]);
  });
});

describe("the verification grid's cost", () => {
  it("reads a 14-unit bloc with a 30-criterion table, every sheet scored, in at most 3 DynamoDB requests", async () => {
    const t = await freshTenant();
    const units: string[] = [];
    for (let i = 1; i <= 14; i++)
      units.push((await as(t.board, "/api/units", "POST", { name: `Phường số ${i}`, kind: "commune" })).body.unitId);
    // 30 criteria adding up to 100: ten of 4 points, twenty of 3.
    const items = Array.from({ length: 30 }, (_, i) => ({
      id: `1.${i + 1}`,
      title: `Tiêu chí ${i + 1}`,
      maxPoints: i < 10 ? 4 : 3,
      evidenceRequired: false,
    }));
    const table = { groups: [{ id: "1", title: "Nhiệm vụ", items }], bonus: [], penalties: [] };
    const { body: bloc } = await as(t.board, "/api/blocs", "POST", { name: "Cụm thi đua số 1", kind: "cluster" });
    expect((await as(t.board, `/api/blocs/${bloc.blocId}/criteria`, "PUT", { table, baseVersion: 0 })).status).toBe(
      200,
    );
    const path = `/api/blocs/${bloc.blocId}/years/2025`;
    await as(t.board, `${path}/members`, "PUT", { unitIds: units, version: 0 });
    await as(t.board, `${path}/open`, "POST", { version: 1 });
    const lines = Object.fromEntries(items.map((c) => [c.id, { points: c.maxPoints - 1, note: "Theo báo cáo" }]));
    for (const u of units) {
      await as(t.board, `${path}/units/${u}/registration`, "PUT", {
        targets: ["Hoàn thành nhiệm vụ"],
        aims: [],
        version: 0,
      });
      await as(t.board, `${path}/units/${u}/covenant`, "POST", { version: 1 });
    }
    const version = async () => (await as(t.board, `${path}/cycle`)).body.year.version;
    await as(t.board, `${path}/cycle/phase`, "POST", { to: "in_progress", version: await version() });
    await as(t.board, `${path}/cycle/phase`, "POST", { to: "mid_year_review", version: await version() });
    for (const u of units) await as(t.board, `${path}/units/${u}/report`, "PUT", { items: ["Sáu tháng"], version: 2 });
    await as(t.board, `${path}/cycle/summary`, "PUT", { text: "Sơ kết", publish: true, version: await version() });
    await as(t.board, `${path}/cycle/phase`, "POST", { to: "scoring", version: await version() });
    for (const u of units)
      expect((await as(t.board, `${path}/units/${u}/scores`, "PUT", { lines, version: 3 })).status).toBe(200);

    const { result, requests } = await dynamoRequestsOf(() => getScoreGrid(t.board, bloc.blocId, 2025));
    expect(result.totals).toHaveLength(14);
    expect(result.totals[0]?.self).toBe(70);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThanOrEqual(3);
    const ranking = await dynamoRequestsOf(() => getRanking(t.board, bloc.blocId, 2025));
    expect(ranking.requests.length).toBeLessThanOrEqual(3);
  });
});

describe("the last steps", () => {
  it("ranks only once every sheet is locked, and only the board closes the year", async () => {
    const y = await verificationYear();
    const early = await move(y, y.officer(y.leader), "ranked");
    expect([early.status, early.body.error.code]).toEqual([409, "cycle.incomplete"]);
    expect(early.body.error.fields).toHaveLength(3);
    await as(y.officer(y.leader), `${y.member(y.leader)}/scorer`, "PUT", { scorerUnitId: y.third, version: 5 });
    for (const u of y.units) {
      const by = u === y.leader ? y.officer(y.third) : y.officer(y.leader);
      const { version } = await partOf(y, u);
      await as(by, `${sheet(y, u)}/accept-remaining`, "POST", { version });
      expect((await as(by, `${sheet(y, u)}/lock`, "POST", { version: version + 1 })).status).toBe(200);
    }
    expect((await move(y, y.officer(y.leader), "ranked")).status).toBe(200);
    const byLeader = await move(y, y.officer(y.leader), "closed");
    expect([byLeader.status, byLeader.body.error.code]).toEqual([403, "cycle.close_board_only"]);
    const closed = await move(y, y.board, "closed");
    expect([closed.status, closed.body.phase, closed.body.year.status]).toEqual([200, "closed", "closed"]);
    // A closed year takes no more scores.
    const late = await as(y.officer(y.second), sheet(y, y.second), "PUT", fullSheet(7));
    expect([late.status, late.body.error.code]).toEqual([409, "bloc_year.closed"]);
  });
});
