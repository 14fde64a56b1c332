import { createBloc, openYear, setMembers } from "@thidua/core/bloc";
import { sampleCriteriaTable, saveCriteria } from "@thidua/core/criteria";
import { provinceEntitiesForTests } from "@thidua/core/db/testing";
import { createUnit } from "@thidua/core/unit";
import { freshTenant } from "@thidua/test/support";
import { describe, expect, it } from "vitest";
import { as, rankedYear, type Year } from "./cycle.fixture.ts";

const proposals = (y: { path: string }) => `${y.path}/proposals`;
const setQuota = async (y: Year, awardTypeId: string, value: number) => {
  const { body } = await as(y.board, `${y.path}/quotas`);
  const items = [{ awardTypeId, mode: "count", value }];
  expect((await as(y.board, `${y.path}/quotas`, "PUT", { items, version: body.version })).status).toBe(200);
};

/**
 * A ranked bloc-year of new units, without carrying them through every step (the other tests' work): the
 * year is set at ranked directly.
 */
async function rankedBloc(t: Awaited<ReturnType<typeof freshTenant>>, name: string, size: number, year = 2025) {
  const units: string[] = [];
  for (let i = 1; i <= size; i++)
    units.push((await createUnit(t.board, { name: `${name}, đơn vị ${i}`, kind: "commune" })).unitId);
  const bloc = await createBloc(t.board, { name, kind: "cluster" });
  await saveCriteria(t.board, bloc.blocId, { table: sampleCriteriaTable, baseVersion: 0 });
  const members = await setMembers(t.board, bloc.blocId, year, { unitIds: units, version: 0 });
  await openYear(t.board, bloc.blocId, year, { version: members.version });
  await provinceEntitiesForTests(t.tenantId)
    .blocYear.patch({ blocId: bloc.blocId, year })
    .set({ phase: "ranked" })
    .go();
  const path = `/api/blocs/${bloc.blocId}/years/${year}`;
  return { path, units, quota: (items: object[]) => as(t.board, `${path}/quotas`, "PUT", { items, version: 0 }) };
}

describe("proposals", () => {
  it("accepts exactly the quota out of fifty simultaneous proposals", async () => {
    const t = await freshTenant();
    const units: string[] = [];
    for (let i = 1; i <= 50; i++)
      units.push((await createUnit(t.board, { name: `Xã số ${i}`, kind: "commune" })).unitId);
    const bloc = await createBloc(t.board, { name: "Cụm xã số 1", kind: "cluster" });
    await saveCriteria(t.board, bloc.blocId, { table: sampleCriteriaTable, baseVersion: 0 });
    const first = await setMembers(t.board, bloc.blocId, 2025, { unitIds: units.slice(0, 45), version: 0 });
    const all = await setMembers(t.board, bloc.blocId, 2025, { unitIds: units, version: first.version });
    const opened = await openYear(t.board, bloc.blocId, 2025, { version: all.version });
    // Carrying fifty units through every step is the other tests' work: here the year is set at ranked directly.
    await provinceEntitiesForTests(t.tenantId)
      .blocYear.patch({ blocId: bloc.blocId, year: 2025 })
      .set({ phase: "ranked" })
      .go();
    const path = `/api/blocs/${bloc.blocId}/years/2025`;
    const items = [{ awardTypeId: "certificate-of-merit", mode: "count", value: 2 }];
    expect((await as(t.board, `${path}/quotas`, "PUT", { items, version: 0 })).status).toBe(200);
    expect(opened.version).toBeGreaterThan(0);

    const answers = await Promise.all(
      units.map((unitId) => as(t.board, proposals({ path }), "POST", { unitId, awardTypeId: "certificate-of-merit" })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toContain("proposal.over_quota");
    const { body } = await as(t.board, proposals({ path }));
    expect(body.items.filter((p: { status: string }) => p.status === "proposed")).toHaveLength(2);
  });

  it("refuses a government flag for a unit without the provincial flag, naming the missing prerequisite", async () => {
    const y = await rankedYear();
    // One provincial flag allows one government flag once the province's cap is all of them.
    const rules = { rules: { caps: { governmentFlagShareOfProvincialFlags: 1 } }, version: 0 };
    expect((await as(y.board, "/api/rules", "PUT", rules)).status).toBe(200);
    await setQuota(y, "government-flag", 1);
    const bare = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.second,
      awardTypeId: "government-flag",
    });
    expect([bare.status, bare.body.error.code, bare.body.error.fields]).toEqual([
      409,
      "proposal.missing_prerequisite",
      [{ path: "awardTypeId", message: "proposal.missing_prerequisite" }],
    ]);
    const flag = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.second,
      awardTypeId: "provincial-flag",
    });
    expect([flag.status, flag.body.status]).toEqual([201, "proposed"]);
    const now = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.second,
      awardTypeId: "government-flag",
    });
    expect(now.status).toBe(201);
    const again = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.second,
      awardTypeId: "government-flag",
    });
    expect([again.status, again.body.error.code]).toEqual([409, "proposal.exists"]);
  });

  it("frees a slot on withdrawal, and lets only those who lead the year propose", async () => {
    const y = await rankedYear();
    await setQuota(y, "certificate-of-merit", 1);
    const propose = (unitId: string, actor = y.officer(y.leader)) =>
      as(actor, proposals(y), "POST", {
        unitId,
        awardTypeId: "certificate-of-merit",
        note: "Hoàn thành xuất sắc nhiệm vụ",
      });
    expect((await propose(y.second, y.officer(y.third))).status).toBe(403);
    // No quota of an award (its default is 0): not even a first proposal.
    const none = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.second,
      awardTypeId: "excellent-collective",
    });
    expect([none.status, none.body.error.code, none.body.error.fields[0].limit]).toEqual([
      409,
      "proposal.over_quota",
      0,
    ]);
    // The vote it follows must be a closed ballot of the year: an open one is refused like an unknown one.
    const open = await as(y.officer(y.leader), `${y.path}/ballots`, "POST", {
      kind: "award",
      awardTypeId: "certificate-of-merit",
      candidates: [y.second, y.third],
    });
    for (const ballotId of ["khong-co", open.body.ballotId]) {
      const unvoted = await as(y.officer(y.leader), proposals(y), "POST", {
        unitId: y.second,
        awardTypeId: "certificate-of-merit",
        ballotId,
      });
      expect([unvoted.status, unvoted.body.error.code]).toEqual([400, "proposal.invalid_ballot"]);
    }
    expect((await propose(y.second)).status).toBe(201);
    const full = await propose(y.third);
    expect([full.status, full.body.error.code, full.body.error.fields[0].limit]).toEqual([
      409,
      "proposal.over_quota",
      1,
    ]);
    const withdrawn = await as(
      y.officer(y.leader),
      `${proposals(y)}/certificate-of-merit/${y.second}/withdraw`,
      "POST",
      { version: 1 },
    );
    expect(withdrawn.body.status).toBe("withdrawn");
    expect((await propose(y.third)).status).toBe(201);
    const queue = await as(y.board, `/api/proposals?year=2025`);
    expect(queue.body.items.map((p: { unitId: string; status: string }) => [p.unitId, p.status]).sort()).toEqual(
      [
        [y.second, "withdrawn"],
        [y.third, "proposed"],
      ].sort(),
    );
  });

  it("caps the province's government flags at their share of its provincial flags, across blocs and at once", async () => {
    const t = await freshTenant();
    const rules = { rules: { caps: { governmentFlagShareOfProvincialFlags: 0.5 } }, version: 0 };
    expect((await as(t.board, "/api/rules", "PUT", rules)).status).toBe(200);
    const [a, b] = [await rankedBloc(t, "Cụm thi đua số 1", 2), await rankedBloc(t, "Cụm thi đua số 2", 2)];
    // The quotas allow two provincial flags and one government flag per bloc: a cap of two when saved.
    const flags = [
      { awardTypeId: "provincial-flag", mode: "count", value: 2 },
      { awardTypeId: "government-flag", mode: "count", value: 1 },
    ];
    expect((await a.quota(flags)).status).toBe(200);
    expect((await b.quota(flags)).status).toBe(200);
    const [a1, b1] = [a.units[0] as string, b.units[0] as string];
    const propose = (bloc: typeof a, unitId: string, awardTypeId: string) =>
      as(t.board, proposals(bloc), "POST", { unitId, awardTypeId });

    expect((await propose(a, a1, "provincial-flag")).status).toBe(201);
    // One provincial flag in the province: half of it rounds down to no government flag.
    const none = await propose(a, a1, "government-flag");
    expect([none.status, none.body.error.code, none.body.error.fields]).toEqual([
      409,
      "proposal.over_province_cap",
      [{ path: "awardTypeId", message: "proposal.over_province_cap", limit: 0 }],
    ]);
    expect((await propose(b, b1, "provincial-flag")).status).toBe(201);
    // Two provincial flags proposed allow one: both blocs asking at the same time get exactly one.
    const both = await Promise.all([propose(a, a1, "government-flag"), propose(b, b1, "government-flag")]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.body.error.code).toBe("proposal.over_province_cap");

    // The provincial flag a pending government flag stands on is settled after it, never before.
    const winner = both[0]?.status === 201 ? { bloc: a, unitId: a1 } : { bloc: b, unitId: b1 };
    const base = `${proposals(winner.bloc)}`;
    const early = await as(t.board, `${base}/provincial-flag/${winner.unitId}/withdraw`, "POST", { version: 1 });
    expect([early.status, early.body.error.code]).toEqual([409, "proposal.required_by"]);
    const rejectEarly = await as(t.board, `${base}/provincial-flag/${winner.unitId}/decision`, "POST", {
      outcome: "reject",
      reason: "Chưa đủ điều kiện",
      version: 1,
    });
    expect([rejectEarly.status, rejectEarly.body.error.code]).toEqual([409, "proposal.required_by"]);
    expect(
      (await as(t.board, `${base}/government-flag/${winner.unitId}/withdraw`, "POST", { version: 1 })).status,
    ).toBe(200);
    expect(
      (await as(t.board, `${base}/provincial-flag/${winner.unitId}/withdraw`, "POST", { version: 1 })).status,
    ).toBe(200);
  });

  it("asks for an award held in each of the years just before when the award type says so", async () => {
    const t = await freshTenant();
    const bloc = await rankedBloc(t, "Khối doanh nghiệp", 2);
    const unitId = bloc.units[0] as string;
    const type = await as(t.board, "/api/award-types", "POST", {
      name: "Bằng khen của Thủ tướng Chính phủ",
      level: "collective",
      yearsInRow: [{ awardTypeId: "excellent-collective", years: 2 }],
    });
    expect([type.status, type.body.yearsInRow]).toEqual([201, [{ awardTypeId: "excellent-collective", years: 2 }]]);
    const awardTypeId = type.body.awardTypeId as string;
    expect((await bloc.quota([{ awardTypeId, mode: "count", value: 1 }])).status).toBe(200);
    const propose = () => as(t.board, proposals(bloc), "POST", { unitId, awardTypeId });
    const enter = (year: number) =>
      as(t.board, `/api/units/${unitId}/awards`, "POST", { year, awardTypeId: "excellent-collective" });

    expect((await enter(2023)).status).toBe(201);
    expect((await enter(2022)).status).toBe(201);
    // 2022 and 2023, but not 2024: not in a row up to the year before.
    const gap = await propose();
    expect([gap.status, gap.body.error.code, gap.body.error.fields]).toEqual([
      409,
      "proposal.missing_history",
      [{ path: "awardTypeId", message: "proposal.missing_history", limit: 2 }],
    ]);
    expect(gap.body.error.message).toContain("2024");
    expect((await enter(2024)).status).toBe(201);
    expect((await propose()).status).toBe(201);

    const unknown = await as(t.board, `/api/award-types/${awardTypeId}`, "PATCH", {
      yearsInRow: [{ awardTypeId: "khong-co", years: 3 }],
      version: 1,
    });
    expect([unknown.status, unknown.body.error.fields]).toEqual([
      400,
      [{ path: "yearsInRow.0.awardTypeId", message: "award_type.unknown_prerequisite" }],
    ]);
  });

  it("never proposes a unit under discipline that year", async () => {
    const y = await rankedYear();
    const { body: unit } = await as(y.board, `/api/units/${y.third}`);
    await as(y.board, `/api/units/${y.third}`, "PATCH", {
      discipline: { "2025": "Vi phạm quy chế" },
      version: unit.version,
    });
    const refused = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.third,
      awardTypeId: "provincial-flag",
    });
    expect([refused.status, refused.body.error.code]).toEqual([409, "proposal.disciplined"]);
  });
});

describe("the board's decisions", () => {
  it("approves with a decision number: the award enters the unit's history; a withdrawn proposal has nothing to decide", async () => {
    const y = await rankedYear();
    const flag = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.second,
      awardTypeId: "provincial-flag",
    });
    const path = `${proposals(y)}/provincial-flag/${y.second}/decision`;
    const byLeader = await as(y.officer(y.leader), path, "POST", { outcome: "reject", reason: "Không", version: 1 });
    expect(byLeader.status).toBe(403);
    const approved = await as(y.board, path, "POST", {
      outcome: "approve",
      decisionNumber: "125/QĐ-UBND",
      decisionDate: "2026-01-20",
      signer: "Chủ tịch UBND tỉnh",
      version: flag.body.version,
    });
    expect([approved.status, approved.body.status, approved.body.decision.decisionNumber]).toEqual([
      200,
      "approved",
      "125/QĐ-UBND",
    ]);
    const history = await as(y.officer(y.third), `/api/units/${y.second}/awards`);
    expect(history.body.items).toEqual([
      {
        unitId: y.second,
        year: 2025,
        awardTypeId: "provincial-flag",
        decisionNumber: "125/QĐ-UBND",
        decisionDate: "2026-01-20",
        source: "proposal",
        blocId: y.bloc.blocId,
      },
    ]);

    await setQuota(y, "certificate-of-merit", 1);
    const cert = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.third,
      awardTypeId: "certificate-of-merit",
    });
    await as(y.officer(y.leader), `${proposals(y)}/certificate-of-merit/${y.third}/withdraw`, "POST", {
      version: cert.body.version,
    });
    const late = await as(y.board, `${proposals(y)}/certificate-of-merit/${y.third}/decision`, "POST", {
      outcome: "approve",
      decisionNumber: "126/QĐ-UBND",
      decisionDate: "2026-01-20",
      signer: "Chủ tịch UBND tỉnh",
      version: 2,
    });
    expect([late.status, late.body.error.code]).toEqual([409, "proposal.not_pending"]);
  });

  it("returns with a reason for the bloc to revise on the same slot, and rejects with a reason, freeing it", async () => {
    const y = await rankedYear();
    await setQuota(y, "certificate-of-merit", 1);
    const path = `${proposals(y)}/certificate-of-merit/${y.second}`;
    await as(y.officer(y.leader), proposals(y), "POST", { unitId: y.second, awardTypeId: "certificate-of-merit" });
    const returned = await as(y.board, `${path}/decision`, "POST", {
      outcome: "return",
      reason: "Bổ sung báo cáo thành tích",
      version: 1,
    });
    expect([returned.body.status, returned.body.decision.reason]).toEqual(["returned", "Bổ sung báo cáo thành tích"]);
    // The slot stays the bloc's: another unit does not fit, the revised proposal does.
    const other = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.third,
      awardTypeId: "certificate-of-merit",
    });
    expect(other.body.error.code).toBe("proposal.over_quota");
    const revised = await as(y.officer(y.leader), proposals(y), "POST", {
      unitId: y.second,
      awardTypeId: "certificate-of-merit",
      note: "Đã bổ sung báo cáo",
    });
    expect([revised.status, revised.body.status]).toEqual([201, "proposed"]);
    const rejected = await as(y.board, `${path}/decision`, "POST", {
      outcome: "reject",
      reason: "Chưa đủ tiêu chuẩn",
      version: 3,
    });
    expect(rejected.body.status).toBe("rejected");
    expect(
      (await as(y.officer(y.leader), proposals(y), "POST", { unitId: y.third, awardTypeId: "certificate-of-merit" }))
        .status,
    ).toBe(201);
    const trail = await as(
      y.board,
      `/api/audit?entity=proposal&entityId=2025/${y.bloc.blocId}/certificate-of-merit/${y.second}`,
    );
    expect(trail.body.items[0]).toMatchObject({ reason: "Chưa đủ tiêu chuẩn", after: { status: "rejected" } });
  });

  it("records awards of earlier years entered by the board, once per year and award", async () => {
    const y = await rankedYear();
    const enter = (actor = y.board) =>
      as(actor, `/api/units/${y.leader}/awards`, "POST", {
        year: 2023,
        awardTypeId: "provincial-flag",
        decisionNumber: "88/QĐ-UBND",
      });
    expect((await enter(y.officer(y.leader))).status).toBe(403);
    expect((await enter()).status).toBe(201);
    expect((await enter()).body.error.code).toBe("award.already_recorded");
    const { body } = await as(y.board, `/api/units/${y.leader}/awards`);
    expect(body.items).toMatchObject([{ year: 2023, source: "entered", decisionNumber: "88/QĐ-UBND" }]);
  });
});
