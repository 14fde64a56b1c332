import { sampleCriteriaTable } from "@thidua/core/criteria";
import { provinceEntitiesForTests } from "@thidua/core/db/testing";
import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();

const as = callerOf(app);

/** A province with a bloc and the given units. */
async function province(unitNames: string[]) {
  const t = await freshTenant();
  const units: string[] = [];
  for (const name of unitNames)
    units.push((await as(t.board, "/api/units", "POST", { name, kind: "party_agency" })).body.unitId);
  const bloc = (await as(t.board, "/api/blocs", "POST", { name: "Khối các cơ quan Đảng", kind: "bloc" })).body;
  return { ...t, units, bloc, year: (y: number) => `/api/blocs/${bloc.blocId}/years/${y}` };
}

describe("blocs and their years", () => {
  it("creates a bloc and sets its members and seats for a year", async () => {
    const p = await province(["Văn phòng Tỉnh ủy", "Ban Tuyên giáo", "Báo Ninh Thuận"]);
    expect(p.bloc).toMatchObject({ blocId: "khoi-cac-co-quan-dang", kind: "bloc", criteriaVersion: 0, version: 1 });
    const empty = await as(p.board, p.year(2024));
    expect(empty.body).toMatchObject({ memberUnitIds: [], status: "planning", version: 0 });
    const members = await as(p.board, `${p.year(2024)}/members`, "PUT", { unitIds: p.units, version: 0 });
    expect(members.body).toMatchObject({ memberUnitIds: p.units, version: 1 });
    const seats = await as(p.board, `${p.year(2024)}/seats`, "PUT", {
      leaderUnitId: p.units[0],
      deputyUnitIds: [p.units[1]],
      version: 1,
    });
    expect(seats.status).toBe(200);
    expect((await as(p.board, p.year(2024))).body).toMatchObject({
      leaderUnitId: p.units[0],
      deputyUnitIds: [p.units[1]],
      version: 2,
    });
  });

  it("refuses a unit in two blocs in one year, names it, and changes nothing", async () => {
    const p = await province(["Hội Luật gia", "Hội Nhà báo"]);
    const other = (await as(p.board, "/api/blocs", "POST", { name: "Khối các Hội", kind: "bloc" })).body;
    await as(p.board, `${p.year(2023)}/members`, "PUT", { unitIds: p.units, version: 0 });
    const clash = await as(p.board, `/api/blocs/${other.blocId}/years/2023/members`, "PUT", {
      unitIds: [p.units[1]],
      version: 0,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({
      code: "bloc.unit_in_other_bloc",
      fields: [{ path: "unitIds.0", message: "bloc.unit_in_other_bloc" }],
    });
    expect((await as(p.board, `/api/blocs/${other.blocId}/years/2023`)).body.version).toBe(0);
    // Another year is free, and a unit that leaves frees its place.
    expect(
      (await as(p.board, `/api/blocs/${other.blocId}/years/2024/members`, "PUT", { unitIds: [p.units[1]], version: 0 }))
        .status,
    ).toBe(200);
    await as(p.board, `${p.year(2023)}/members`, "PUT", { unitIds: [p.units[0]], version: 1 });
    expect(
      (await as(p.board, `/api/blocs/${other.blocId}/years/2023/members`, "PUT", { unitIds: [p.units[1]], version: 0 }))
        .status,
    ).toBe(200);
  });

  it("rejects unknown units by position and a stale member list with 409", async () => {
    const p = await province(["Sở Nội vụ"]);
    const unknown = await as(p.board, `${p.year(2025)}/members`, "PUT", {
      unitIds: [p.units[0], "khong-co"],
      version: 0,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: "unitIds.1", message: "unit.not_found" }]);
    await as(p.board, `${p.year(2025)}/members`, "PUT", { unitIds: p.units, version: 0 });
    const stale = await as(p.board, `${p.year(2025)}/members`, "PUT", { unitIds: [], version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("bloc_year.stale");
  });

  it("applies rotation and discipline to the leader seat, as the bloc's rules say", async () => {
    const p = await province(["Báo An Giang", "Ban Tuyên giáo", "Trường Chính trị"]);
    const [bao, tuyenGiao, truong] = p.units as [string, string, string];
    for (const y of [2022, 2023]) await as(p.board, `${p.year(y)}/members`, "PUT", { unitIds: p.units, version: 0 });
    await as(p.board, `${p.year(2022)}/seats`, "PUT", { leaderUnitId: bao, deputyUnitIds: [], version: 1 });
    const again = await as(p.board, `${p.year(2023)}/seats`, "PUT", {
      leaderUnitId: bao,
      deputyUnitIds: [bao],
      version: 1,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: "leaderUnitId", message: "bloc.leader_consecutive" },
        { path: "deputyUnitIds.0", message: "bloc.deputy_is_leader" },
      ]),
    );
    const unit = (await as(p.board, `/api/units/${truong}`)).body;
    await as(p.board, `/api/units/${truong}`, "PATCH", {
      discipline: { "2023": "Vi phạm quy chế" },
      version: unit.version,
    });
    const disciplined = await as(p.board, `${p.year(2023)}/seats`, "PUT", {
      leaderUnitId: truong,
      deputyUnitIds: [],
      version: 1,
    });
    expect(disciplined.body.error.fields).toEqual([{ path: "leaderUnitId", message: "bloc.seat_disciplined" }]);
    expect(
      (
        await as(p.board, `${p.year(2023)}/seats`, "PUT", {
          leaderUnitId: tuyenGiao,
          deputyUnitIds: [bao],
          version: 1,
        })
      ).status,
    ).toBe(200);

    // The bloc relaxes rotation: the same leader may serve again.
    await as(p.board, `/api/blocs/${p.bloc.blocId}/rules`, "PUT", {
      rules: { rotation: { noConsecutiveLeader: false } },
      version: 0,
    });
    await as(p.board, `${p.year(2024)}/members`, "PUT", { unitIds: p.units, version: 0 });
    expect(
      (await as(p.board, `${p.year(2024)}/seats`, "PUT", { leaderUnitId: tuyenGiao, deputyUnitIds: [], version: 1 }))
        .status,
    ).toBe(200);
  });

  it("shows a unit only the blocs it belongs to, and a council member only the blocs they follow", async () => {
    const p = await province(["Văn phòng Tỉnh ủy"]);
    const hidden = (await as(p.board, "/api/blocs", "POST", { name: "Cụm thi đua các xã", kind: "cluster" })).body;
    await as(p.board, `${p.year(2025)}/members`, "PUT", { unitIds: p.units, version: 0 });
    const officer = p.actor("unit", p.units[0]);
    expect((await as(officer, "/api/blocs")).body.items.map((b: { blocId: string }) => b.blocId)).toEqual([
      p.bloc.blocId,
    ]);
    expect((await as(officer, `/api/blocs/${hidden.blocId}`)).status).toBe(404);

    await as(p.board, `/api/blocs/${hidden.blocId}`, "PATCH", { councilEmails: [p.council.email], version: 1 });
    expect((await as(p.council, "/api/blocs")).body.items.map((b: { blocId: string }) => b.blocId)).toEqual([
      hidden.blocId,
    ]);
    expect((await as(p.council, `/api/blocs/${p.bloc.blocId}`)).status).toBe(404);
    expect(
      (await as(p.council, `/api/blocs/${hidden.blocId}/years/2025/members`, "PUT", { unitIds: [], version: 0 }))
        .status,
    ).toBe(403);
  });

  it("keeps the rules an opened year was snapshotted with when its seats and members change later", async () => {
    const p = await province(["Văn phòng Tỉnh ủy", "Ban Tuyên giáo"]);
    const { body: members } = await as(p.board, `${p.year(2025)}/members`, "PUT", { unitIds: p.units, version: 0 });
    await as(p.board, `/api/blocs/${p.bloc.blocId}/criteria`, "PUT", { table: sampleCriteriaTable, baseVersion: 0 });
    await as(p.board, `/api/blocs/${p.bloc.blocId}/rules`, "PUT", { rules: { scale: { bonusMax: 5 } }, version: 0 });
    const opened = await as(p.board, `${p.year(2025)}/open`, "POST", { version: members.version });
    expect(opened.status).toBe(200);
    // The province changes its rules afterwards; the year keeps what it opened with.
    await as(p.board, "/api/rules", "PUT", { rules: { scale: { bonusMax: 8 } }, version: 0 });
    const seated = await as(p.board, `${p.year(2025)}/seats`, "PUT", {
      leaderUnitId: p.units[0],
      deputyUnitIds: [],
      version: opened.body.version,
    });
    // The year is launched: its members change only with a reason, which the trail keeps.
    const unexplained = await as(p.board, `${p.year(2025)}/members`, "PUT", {
      unitIds: [p.units[0]],
      version: seated.body.version,
    });
    expect([unexplained.status, unexplained.body.error?.code]).toEqual([400, "bloc_year.reason_required"]);
    expect(unexplained.body.error.fields).toEqual([{ path: "reason", message: "bloc_year.reason_required" }]);
    const reason = "Ban Tuyên giáo chuyển sang khối khác theo Quyết định số 12";
    const changed = await as(p.board, `${p.year(2025)}/members`, "PUT", {
      unitIds: [p.units[0]],
      reason,
      version: seated.body.version,
    });
    expect(changed.status).toBe(200);
    const trail = await as(p.board, `/api/audit?entity=blocYear&entityId=${p.bloc.blocId}/2025`);
    expect(trail.body.items[0]).toMatchObject({ reason, after: { memberUnitIds: [p.units[0]] } });

    const { data } = await provinceEntitiesForTests(p.tenantId)
      .blocYear.get({ blocId: p.bloc.blocId, year: 2025 })
      .go();
    expect(data).toMatchObject({ version: 4, memberUnitIds: [p.units[0]], rules: { scale: { bonusMax: 5 } } });
  });

  it("keeps bloc names unique after folding, and moves a name with a rename", async () => {
    const p = await province([]);
    const again = await as(p.board, "/api/blocs", "POST", { name: "khối các cơ quan đảng", kind: "cluster" });
    expect([again.status, again.body.error?.code]).toEqual([409, "bloc.name_taken"]);
    expect(again.body.error.fields).toEqual([{ path: "name", message: "bloc.name_taken" }]);
    const { body: other } = await as(p.board, "/api/blocs", "POST", { name: "Cụm thi đua số 1", kind: "cluster" });
    const onto = await as(p.board, `/api/blocs/${other.blocId}`, "PATCH", {
      name: "Khối Các Cơ Quan Đảng",
      version: 1,
    });
    expect(onto.body.error?.code).toBe("bloc.name_taken");
    expect((await as(p.board, `/api/blocs/${p.bloc.blocId}`, "PATCH", { name: "Khối Đảng", version: 1 })).status).toBe(
      200,
    );
    expect((await as(p.board, "/api/blocs", "POST", { name: "Khối các cơ quan Đảng", kind: "bloc" })).status).toBe(201);
  });

  it("archives a bloc: its years stay readable and cannot be edited until it is restored", async () => {
    const p = await province(["Văn phòng Tỉnh ủy"]);
    await as(p.board, `${p.year(2024)}/members`, "PUT", { unitIds: p.units, version: 0 });
    const archived = await as(p.board, `/api/blocs/${p.bloc.blocId}/archive`, "POST", { version: 1 });
    expect(archived.body).toMatchObject({ archivedAt: expect.any(String), version: 2 });
    expect((await as(p.board, p.year(2024))).body.memberUnitIds).toEqual(p.units);
    const edit = await as(p.board, `${p.year(2025)}/members`, "PUT", { unitIds: p.units, version: 0 });
    expect([edit.status, edit.body.error?.code]).toEqual([409, "bloc.archived"]);
    // Nothing else of it changes either: criteria, rules, quotas.
    const bloc = `/api/blocs/${p.bloc.blocId}`;
    const frozen = [
      await as(p.board, `${bloc}/criteria`, "PUT", { table: sampleCriteriaTable, baseVersion: 0 }),
      await as(p.board, `${bloc}/rules`, "PUT", { rules: { scale: { bonusMax: 5 } }, version: 0 }),
      await as(p.board, `${p.year(2024)}/quotas`, "PUT", { items: [], version: 0 }),
    ];
    expect(frozen.map((r) => [r.status, r.body.error?.code])).toEqual(Array(3).fill([409, "bloc.archived"]));
    await as(p.board, `/api/blocs/${p.bloc.blocId}/restore`, "POST", { version: 2 });
    expect((await as(p.board, `${p.year(2025)}/members`, "PUT", { unitIds: p.units, version: 0 })).status).toBe(200);
  });

  it("refuses to open a year without a criteria table", async () => {
    const p = await province(["Sở Tài chính"]);
    await as(p.board, `${p.year(2025)}/members`, "PUT", { unitIds: p.units, version: 0 });
    const res = await as(p.board, `${p.year(2025)}/open`, "POST", { theme: "Đoàn kết, sáng tạo", version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bloc.no_criteria");
  });
});

describe("rules", () => {
  it("starts from the defaults, takes province and bloc overrides, and refuses a stale edit", async () => {
    const p = await province([]);
    const defaults = (await as(p.unit, "/api/rules")).body;
    expect(defaults).toMatchObject({
      version: 0,
      override: {},
      rules: { scale: { total: 100, bonusMax: 10 }, ballot: { secret: true } },
    });
    const saved = await as(p.board, "/api/rules", "PUT", { rules: { scale: { total: 200 } }, version: 0 });
    expect(saved.body).toMatchObject({ version: 1, rules: { scale: { total: 200, bonusMax: 10 } } });
    await as(p.board, `/api/blocs/${p.bloc.blocId}/rules`, "PUT", { rules: { ballot: { secret: false } }, version: 0 });
    const bloc = (await as(p.board, `/api/blocs/${p.bloc.blocId}/rules`)).body;
    expect(bloc.rules).toMatchObject({ scale: { total: 200 }, ballot: { secret: false, threshold: 0.5 } });
    expect((await as(p.board, "/api/rules", "PUT", { rules: {}, version: 0 })).status).toBe(409);
  });

  it("names an out-of-range setting", async () => {
    const p = await province([]);
    const res = await as(p.board, "/api/rules", "PUT", { rules: { ballot: { threshold: 1.5 } }, version: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe("rules.ballot.threshold");
  });
});
