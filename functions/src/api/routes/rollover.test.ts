import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();
const as = callerOf(app);

/** A province with a bloc whose 2025 has four members, a leader and quotas. */
async function lastYear() {
  const t = await freshTenant();
  const units: string[] = [];
  for (const name of ["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Tài chính"])
    units.push((await as(t.board, "/api/units", "POST", { name, kind: "state_agency" })).body.unitId);
  const { body: bloc } = await as(t.board, "/api/blocs", "POST", { name: "Khối các sở", kind: "bloc" });
  const year = (y: number) => `/api/blocs/${bloc.blocId}/years/${y}`;
  const { body: members } = await as(t.board, `${year(2025)}/members`, "PUT", { unitIds: units, version: 0 });
  await as(t.board, `${year(2025)}/seats`, "PUT", {
    leaderUnitId: units[0],
    deputyUnitIds: [],
    version: members.version,
  });
  await as(t.board, `${year(2025)}/quotas`, "PUT", {
    items: [
      { awardTypeId: "certificate-of-merit", mode: "count", value: 4 },
      { awardTypeId: "excellent-collective", mode: "percent", value: 50, rounding: "down" },
    ],
    version: 0,
  });
  return { ...t, units, bloc, year };
}

describe("preparing next year", () => {
  it("previews and copies members and quotas, not seats, leaving out archived units and those in another bloc", async () => {
    const p = await lastYear();
    const [nv, tp, yt, tc] = p.units as [string, string, string, string];
    await as(p.board, `/api/units/${tc}/archive`, "POST", { version: 1 });
    const { body: other } = await as(p.board, "/api/blocs", "POST", { name: "Cụm số 2", kind: "cluster" });
    await as(p.board, `/api/blocs/${other.blocId}/years/2026/members`, "PUT", { unitIds: [yt], version: 0 });

    const preview = await as(p.board, `${p.year(2026)}/rollover`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      from: 2025,
      year: 2026,
      memberUnitIds: [nv, tp],
      skipped: [
        { unitId: yt, reason: "in_other_bloc" },
        { unitId: tc, reason: "archived" },
      ],
      // Four certificates for two members: capped at two.
      quotas: [
        { awardTypeId: "certificate-of-merit", mode: "count", value: 2, rounding: "down" },
        { awardTypeId: "excellent-collective", mode: "percent", value: 50, rounding: "down" },
      ],
      previousLeaderUnitId: nv,
    });

    // Quotas set for 2026 before anything else are replaced by last year's, as previewed.
    await as(p.board, `${p.year(2026)}/quotas`, "PUT", { items: [], version: 0 });
    const done = await as(p.board, `${p.year(2026)}/rollover`, "POST");
    expect(done.status).toBe(201);
    const year = await as(p.board, p.year(2026));
    expect(year.body).toMatchObject({ memberUnitIds: [nv, tp], status: "planning", version: 1 });
    expect(year.body.leaderUnitId).toBeUndefined();
    const quotas = await as(p.board, `${p.year(2026)}/quotas`);
    expect(quotas.body).toMatchObject({ memberCount: 2, version: 2 });
    expect(
      quotas.body.items.find((q: { awardTypeId: string }) => q.awardTypeId === "certificate-of-merit"),
    ).toMatchObject({
      value: 2,
      resulting: 2,
    });
    // Each member is the bloc's in 2026 now: the other bloc cannot take them.
    const taken = await as(p.board, `/api/blocs/${other.blocId}/years/2026/members`, "PUT", {
      unitIds: [yt, nv],
      version: 1,
    });
    expect(taken.body.error?.code).toBe("bloc.unit_in_other_bloc");
    const trail = await as(p.board, `/api/audit?entity=blocYear&entityId=${p.bloc.blocId}/2026`);
    expect(trail.body.items).toHaveLength(1);

    // Once prepared, the year is edited, not prepared again.
    for (const method of ["GET", "POST"]) {
      const again = await as(p.board, `${p.year(2026)}/rollover`, method);
      expect([again.status, again.body.error?.code]).toEqual([409, "bloc_year.already_prepared"]);
    }
  });

  it("says when there is nothing to prepare from, and lets only the board prepare", async () => {
    const p = await lastYear();
    const none = await as(p.board, `${p.year(2024)}/rollover`, "POST");
    expect([none.status, none.body.error?.code]).toEqual([409, "bloc_year.nothing_to_copy"]);
    for (const reader of [p.council, p.actor("unit", p.units[0])])
      expect((await as(reader, `${p.year(2026)}/rollover`, "POST")).status).toBe(403);
    expect((await as(p.board, `${p.year(2026)}`)).body.version).toBe(0);
  });
});
