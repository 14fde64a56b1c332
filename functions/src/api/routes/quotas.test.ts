import { provinceEntitiesForTests } from "@thidua/core/db/testing";
import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();

const as = callerOf(app);

/** A province with one bloc of `size` member units in 2025. */
async function province(size: number) {
  const t = await freshTenant();
  const units: string[] = [];
  for (let i = 1; i <= size; i++)
    units.push((await as(t.board, "/api/units", "POST", { name: `Sở số ${i}`, kind: "state_agency" })).body.unitId);
  const bloc = (await as(t.board, "/api/blocs", "POST", { name: "Khối các sở", kind: "bloc" })).body;
  if (size > 0)
    await as(t.board, `/api/blocs/${bloc.blocId}/years/2025/members`, "PUT", { unitIds: units, version: 0 });
  return { ...t, units, bloc, quotas: `/api/blocs/${bloc.blocId}/years/2025/quotas` };
}

const line = (res: { body: { items: { awardTypeId: string }[] } }, awardTypeId: string) =>
  res.body.items.find((i) => i.awardTypeId === awardTypeId);

describe("quotas of a bloc-year", () => {
  it("defaults to one provincial flag and none of anything else", async () => {
    const p = await province(0);
    const res = await as(p.board, p.quotas);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { awardTypeId: "provincial-flag", mode: "count", value: 1, rounding: "down", resulting: 1 },
        { awardTypeId: "government-flag", mode: "count", value: 0, rounding: "down", resulting: 0 },
        { awardTypeId: "certificate-of-merit", mode: "count", value: 0, rounding: "down", resulting: 0 },
        { awardTypeId: "excellent-collective", mode: "count", value: 0, rounding: "down", resulting: 0 },
      ],
      memberCount: 0,
      version: 0,
    });
  });

  it("turns percentages of the year's members into numbers with the rounding asked for", async () => {
    const p = await province(7);
    const saved = await as(p.board, p.quotas, "PUT", {
      items: [
        { awardTypeId: "certificate-of-merit", mode: "percent", value: 30, rounding: "up" },
        { awardTypeId: "excellent-collective", mode: "percent", value: 30, rounding: "nearest" },
        { awardTypeId: "provincial-flag", mode: "percent", value: 30, rounding: "down" },
      ],
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.memberCount).toBe(7);
    expect(saved.body.version).toBe(1);
    expect(line(saved, "certificate-of-merit")).toMatchObject({ mode: "percent", value: 30, resulting: 3 });
    expect(line(saved, "excellent-collective")).toMatchObject({ resulting: 2 });
    expect(line(saved, "provincial-flag")).toMatchObject({ resulting: 2 });
    expect(line(saved, "government-flag")).toMatchObject({ mode: "count", value: 0, resulting: 0 });

    // A member unit reads the same; a unit outside the bloc does not see it.
    const member = await as(p.actor("unit", p.units[0]), p.quotas);
    expect(member.body).toEqual(saved.body);
    expect((await as(p.actor("unit", "not-a-member"), p.quotas)).status).toBe(404);

    const audit = await as(p.board, `/api/audit?entity=quota&entityId=${p.bloc.blocId}/2025`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: "create", before: [] });
  });

  it("names an unknown award type, refuses a stale version and lets only the board write", async () => {
    const p = await province(3);
    const unknown = await as(p.board, p.quotas, "PUT", {
      items: [
        { awardTypeId: "provincial-flag", mode: "count", value: 1 },
        { awardTypeId: "khong-co", mode: "count", value: 2 },
      ],
      version: 0,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: "items.1.awardTypeId", message: "award_type.not_found" }]);
    const over = await as(p.board, p.quotas, "PUT", {
      items: [{ awardTypeId: "provincial-flag", mode: "percent", value: 150 }],
      version: 0,
    });
    expect(over.body.error.fields).toEqual([
      { path: "items.0.value", message: "quota.percent_over_100", rule: "custom" },
    ]);

    await as(p.board, p.quotas, "PUT", { items: [], version: 0 });
    const stale = await as(p.board, p.quotas, "PUT", { items: [], version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("quota.stale");

    await as(p.board, `/api/blocs/${p.bloc.blocId}`, "PATCH", { councilEmails: [p.council.email], version: 1 });
    for (const actor of [p.council, p.actor("unit", p.units[0])]) {
      expect((await as(actor, p.quotas)).status).toBe(200);
      expect((await as(actor, p.quotas, "PUT", { items: [], version: 1 })).status).toBe(403);
      expect((await as(actor, "/api/years/2025/quotas")).status).toBe(403);
    }
  });

  it("refuses a count above the year's members, naming the limit, and changes nothing", async () => {
    const p = await province(4);
    const res = await as(p.board, p.quotas, "PUT", {
      items: [
        { awardTypeId: "provincial-flag", mode: "count", value: 1 },
        { awardTypeId: "certificate-of-merit", mode: "count", value: 50 },
      ],
      version: 0,
    });
    expect([res.status, res.body.error?.code]).toEqual([400, "quota.over_members"]);
    expect(res.body.error.fields).toEqual([{ path: "items.1.value", message: "quota.over_members", limit: 4 }]);
    expect((await as(p.board, p.quotas)).body.version).toBe(0);
    // A bloc with no members can be given no award.
    const empty = await province(0);
    const none = await as(empty.board, empty.quotas, "PUT", {
      items: [{ awardTypeId: "provincial-flag", mode: "count", value: 1 }],
      version: 0,
    });
    expect(none.body.error?.code).toBe("quota.over_members");
  });

  it("refuses to change the quotas of a closed year", async () => {
    const p = await province(2);
    // No use case closes a year yet: set the state directly.
    await provinceEntitiesForTests(p.tenantId)
      .blocYear.patch({ blocId: p.bloc.blocId, year: 2025 })
      .set({ status: "closed" })
      .go();
    const res = await as(p.board, p.quotas, "PUT", { items: [], version: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("bloc_year.closed");
  });

  it("follows the province's active award types", async () => {
    const p = await province(4);
    await as(p.board, "/api/award-types/excellent-collective", "PATCH", { active: false, version: 0 });
    const custom = await as(p.board, "/api/award-types", "POST", { name: "Giấy khen", level: "collective" });
    const res = await as(p.board, p.quotas);
    expect(res.body.items.map((i: { awardTypeId: string }) => i.awardTypeId)).toEqual([
      "provincial-flag",
      "government-flag",
      "certificate-of-merit",
      custom.body.awardTypeId,
    ]);
    const inactive = await as(p.board, p.quotas, "PUT", {
      items: [{ awardTypeId: "excellent-collective", mode: "count", value: 1 }],
      version: 0,
    });
    expect(inactive.body.error.fields).toEqual([{ path: "items.0.awardTypeId", message: "award_type.not_found" }]);
  });
});

describe("the province's quotas for a year", () => {
  it("adds up the blocs and caps government flags at the province's share of provincial flags", async () => {
    const t = await freshTenant();
    const blocs: string[] = [];
    for (let i = 1; i <= 6; i++)
      blocs.push((await as(t.board, "/api/blocs", "POST", { name: `Khối thi đua ${i}`, kind: "bloc" })).body.blocId);
    const unit = (await as(t.board, "/api/units", "POST", { name: "Báo tỉnh", kind: "party_agency" })).body.unitId;
    await as(t.board, `/api/blocs/${blocs[0]}/years/2025/members`, "PUT", { unitIds: [unit], version: 0 });
    await as(t.board, `/api/blocs/${blocs[0]}/years/2025/quotas`, "PUT", {
      items: [{ awardTypeId: "certificate-of-merit", mode: "percent", value: 100 }],
      version: 0,
    });

    const summary = await as(t.board, "/api/years/2025/quotas");
    expect(summary.status).toBe(200);
    expect(summary.body.blocs).toHaveLength(6);
    expect(summary.body.blocs[0]).toEqual({
      blocId: blocs[0],
      name: "Khối thi đua 1",
      memberCount: 1,
      quotas: { "provincial-flag": 1, "government-flag": 0, "certificate-of-merit": 1, "excellent-collective": 0 },
    });
    expect(summary.body.totals).toEqual({
      "provincial-flag": 6,
      "government-flag": 0,
      "certificate-of-merit": 1,
      "excellent-collective": 0,
    });
    expect(summary.body.caps).toEqual({ governmentFlag: { share: 0.2, max: 1 } });
    expect(summary.body.warnings).toEqual([]);

    // Two blocs ask for a government flag: the first fits 20% of 6, the second is refused, naming the cap.
    const second = (await as(t.board, "/api/units", "POST", { name: "Sở Tư pháp", kind: "state_agency" })).body.unitId;
    await as(t.board, `/api/blocs/${blocs[1]}/years/2025/members`, "PUT", { unitIds: [second], version: 0 });
    const flag = { items: [{ awardTypeId: "government-flag", mode: "count", value: 1 }], version: 0 };
    await as(t.board, `/api/blocs/${blocs[0]}/years/2025/quotas`, "PUT", { ...flag, version: 1 });
    const refused = await as(t.board, `/api/blocs/${blocs[1]}/years/2025/quotas`, "PUT", flag);
    expect([refused.status, refused.body.error?.code]).toEqual([409, "quota.government_flag_over_cap"]);
    expect(refused.body.error.fields).toEqual([
      { path: "items.0.value", message: "quota.government_flag_over_cap", limit: 1 },
    ]);
    expect((await as(t.board, "/api/years/2025/quotas")).body.totals["government-flag"]).toBe(1);

    // The province lowers the share: the summary warns; a save that adds no flag still goes through.
    await as(t.board, "/api/rules", "PUT", {
      rules: { caps: { governmentFlagShareOfProvincialFlags: 0.1 } },
      version: 0,
    });
    const over = await as(t.board, "/api/years/2025/quotas");
    expect(over.body.caps).toEqual({ governmentFlag: { share: 0.1, max: 0 } });
    expect(over.body.warnings.map((w: { code: string }) => w.code)).toEqual(["quota.government_flag_over_cap"]);
    const other = { items: [{ awardTypeId: "certificate-of-merit", mode: "count", value: 0 }], version: 0 };
    expect((await as(t.board, `/api/blocs/${blocs[2]}/years/2025/quotas`, "PUT", other)).status).toBe(200);

    // Raised to a half: 3 of 6, and the second bloc's flag fits.
    await as(t.board, "/api/rules", "PUT", {
      rules: { caps: { governmentFlagShareOfProvincialFlags: 0.5 } },
      version: 1,
    });
    expect((await as(t.board, `/api/blocs/${blocs[1]}/years/2025/quotas`, "PUT", flag)).status).toBe(200);
    const raised = await as(t.board, "/api/years/2025/quotas");
    expect(raised.body.caps).toEqual({ governmentFlag: { share: 0.5, max: 3 } });
    expect(raised.body.warnings).toEqual([]);
  });

  it("lets only one of two simultaneous saves take the last government flag the cap allows", async () => {
    const t = await freshTenant();
    const flag = { items: [{ awardTypeId: "government-flag", mode: "count", value: 1 }], version: 0 };
    const paths: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const { body: bloc } = await as(t.board, "/api/blocs", "POST", { name: `Khối ${i}`, kind: "bloc" });
      const unit = (await as(t.board, "/api/units", "POST", { name: `Sở ${i}`, kind: "state_agency" })).body.unitId;
      await as(t.board, `/api/blocs/${bloc.blocId}/years/2025/members`, "PUT", { unitIds: [unit], version: 0 });
      paths.push(`/api/blocs/${bloc.blocId}/years/2025/quotas`);
    }
    // Five provincial flags, a share of 20 %: one government flag for the province.
    const [a, b] = await Promise.all(paths.slice(0, 2).map((path) => as(t.board, path, "PUT", flag)));
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    expect((await as(t.board, "/api/years/2025/quotas")).body.totals["government-flag"]).toBe(1);
  });

  it("is empty while the province has no bloc", async () => {
    const t = await freshTenant();
    const res = await as(t.board, "/api/years/2025/quotas");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      blocs: [],
      totals: { "provincial-flag": 0, "government-flag": 0, "certificate-of-merit": 0, "excellent-collective": 0 },
      caps: { governmentFlag: { share: 0.2, max: 0 } },
      warnings: [],
    });
  });
});
