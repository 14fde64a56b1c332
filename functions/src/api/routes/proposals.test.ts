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
