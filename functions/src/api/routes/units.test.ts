import { provinceEntitiesForTests } from "@thidua/core/db/testing";
import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();

const as = callerOf(app);

describe("units", () => {
  it("lets the board add units with readable ids, and finds them without diacritics in Vietnamese order", async () => {
    const { board, unit } = await freshTenant();
    const names = ["Ban Tuyên giáo Tỉnh ủy", "Báo An Giang", "Ủy ban Kiểm tra Tỉnh ủy", "Ban Dân vận Tỉnh ủy"];
    for (const name of names)
      expect((await as(board, "/api/units", "POST", { name, kind: "party_agency" })).status).toBe(201);
    const all = await as(unit, "/api/units");
    expect(all.body.items.map((u: { name: string }) => u.name)).toEqual([
      "Ban Dân vận Tỉnh ủy",
      "Ban Tuyên giáo Tỉnh ủy",
      "Báo An Giang",
      "Ủy ban Kiểm tra Tỉnh ủy",
    ]);
    const found = await as(unit, "/api/units?q=ban%20tuyen%20giao");
    expect(found.body.items).toEqual([expect.objectContaining({ unitId: "ban-tuyen-giao-tinh-uy", version: 1 })]);
  });

  it("refuses a second unit of the same name, whatever its case and diacritics, and names the field", async () => {
    const { board } = await freshTenant();
    const first = await as(board, "/api/units", "POST", { name: "Hội Nông dân", kind: "mass_organization" });
    expect(first.status).toBe(201);
    for (const name of ["Hội Nông dân", "hoi nong  dan", "HỘI NÔNG DÂN"]) {
      const again = await as(board, "/api/units", "POST", { name, kind: "mass_organization" });
      expect([again.status, again.body.error?.code], name).toEqual([409, "unit.name_taken"]);
      expect(again.body.error.fields).toEqual([{ path: "name", message: "unit.name_taken" }]);
    }
    // Names that differ still get readable ids apart when they read alike.
    const alike = await as(board, "/api/units", "POST", { name: "Hội Nông-dân", kind: "mass_organization" });
    expect(alike.body.unitId).toBe("hoi-nong-dan-2");
  });

  it("refuses the name of a unit created before names were reserved", async () => {
    const { board, tenantId } = await freshTenant();
    const now = new Date().toISOString();
    // A unit as an earlier version stored it: no name reservation beside it.
    await provinceEntitiesForTests(tenantId)
      .unit.create({
        unitId: "so-cu",
        name: "Sở Công Thương",
        kind: "state_agency",
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .go();
    const again = await as(board, "/api/units", "POST", { name: "sở công thương", kind: "state_agency" });
    expect(again.body.error?.code).toBe("unit.name_taken");
  });

  it("lets one name be created once among many at the same moment", async () => {
    const { board } = await freshTenant();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () => as(board, "/api/units", "POST", { name: "Sở Xây dựng", kind: "state_agency" })),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect((await as(board, "/api/units?q=so%20xay%20dung")).body.items).toHaveLength(1);
  });

  it("moves a unit's name with a rename: the old name is free again, the new one taken", async () => {
    const { board } = await freshTenant();
    const { body: unit } = await as(board, "/api/units", "POST", { name: "Sở Nội vụ", kind: "state_agency" });
    await as(board, "/api/units", "POST", { name: "Sở Tư pháp", kind: "state_agency" });
    const clash = await as(board, `/api/units/${unit.unitId}`, "PATCH", { name: "sở tư pháp", version: 1 });
    expect(clash.body.error?.code).toBe("unit.name_taken");
    expect((await as(board, `/api/units/${unit.unitId}`, "PATCH", { name: "Sở Nội vụ tỉnh", version: 1 })).status).toBe(
      200,
    );
    expect((await as(board, "/api/units", "POST", { name: "Sở Nội vụ", kind: "state_agency" })).status).toBe(201);
  });

  it("never gives a unit an id that stands in a path (/api/units/import): one named Import is archived at its own", async () => {
    const { board } = await freshTenant();
    const { body: unit } = await as(board, "/api/units", "POST", { name: "Import", kind: "state_agency" });
    expect(unit.unitId).toBe("import-2");
    const archived = await as(board, `/api/units/${unit.unitId}/archive`, "POST", { version: 1 });
    expect([archived.status, archived.body.name]).toEqual([200, "Import"]);
  });

  it("archives a unit: kept in the year it belonged to, refused as a new member, back when restored", async () => {
    const { board, unit: officer } = await freshTenant();
    const { body: unit } = await as(board, "/api/units", "POST", { name: "Sở Nội vụ", kind: "state_agency" });
    const { body: bloc } = await as(board, "/api/blocs", "POST", { name: "Khối các sở", kind: "bloc" });
    const members = (y: number) => `/api/blocs/${bloc.blocId}/years/${y}/members`;
    await as(board, members(2024), "PUT", { unitIds: [unit.unitId], version: 0 });

    const archived = await as(board, `/api/units/${unit.unitId}/archive`, "POST", { version: 1 });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ version: 2, archivedAt: expect.any(String) });
    expect((await as(officer, `/api/blocs/${bloc.blocId}/years/2024`)).status).toBe(404); // officer of another unit
    expect((await as(board, `/api/blocs/${bloc.blocId}/years/2024`)).body.memberUnitIds).toEqual([unit.unitId]);
    const joining = await as(board, members(2025), "PUT", { unitIds: [unit.unitId], version: 0 });
    expect([joining.status, joining.body.error?.code]).toEqual([409, "unit.archived"]);
    expect(joining.body.error.fields).toEqual([{ path: "unitIds.0", message: "unit.archived" }]);
    // Archiving twice changes nothing; a stale version is refused.
    expect((await as(board, `/api/units/${unit.unitId}/archive`, "POST", { version: 2 })).body.version).toBe(2);
    expect((await as(board, `/api/units/${unit.unitId}/restore`, "POST", { version: 1 })).status).toBe(409);

    const restored = await as(board, `/api/units/${unit.unitId}/restore`, "POST", { version: 2 });
    expect(restored.body).not.toHaveProperty("archivedAt");
    expect((await as(board, members(2025), "PUT", { unitIds: [unit.unitId], version: 0 })).status).toBe(200);
    const trail = await as(board, `/api/audit?entity=unit&entityId=${unit.unitId}`);
    expect(trail.body.items.map((r: { action: string }) => r.action)).toEqual(["restore", "archive", "create"]);
  });

  it("deletes only a unit never used, with its name and an audit record; a used one is to be archived", async () => {
    const { board, tenantId } = await freshTenant();
    const { body: unused } = await as(board, "/api/units", "POST", { name: "Sở Tài chính", kind: "state_agency" });
    const { body: member } = await as(board, "/api/units", "POST", { name: "Sở Y tế", kind: "state_agency" });
    const { body: bloc } = await as(board, "/api/blocs", "POST", { name: "Khối các sở", kind: "bloc" });
    await as(board, `/api/blocs/${bloc.blocId}/years/2025/members`, "PUT", { unitIds: [member.unitId], version: 0 });

    expect((await as(board, `/api/units/${unused.unitId}?version=2`, "DELETE")).status).toBe(409);
    expect((await as(board, `/api/units/${unused.unitId}?version=1`, "DELETE")).status).toBe(204);
    expect((await as(board, `/api/units/${unused.unitId}`)).status).toBe(404);
    // Its name is free again; the trail keeps what it was.
    expect((await as(board, "/api/units", "POST", { name: "Sở Tài chính", kind: "state_agency" })).status).toBe(201);
    const trail = await as(board, `/api/audit?entity=unit&entityId=${unused.unitId}`);
    expect(trail.body.items.map((r: { action: string }) => r.action)).toEqual(["create", "delete", "create"]);
    expect(trail.body.items[1]).toMatchObject({ before: { name: "Sở Tài chính" } });

    const used = await as(board, `/api/units/${member.unitId}?version=1`, "DELETE");
    expect([used.status, used.body.error?.code]).toEqual([409, "unit.in_use"]);
    // A unit an account belongs to is in use too.
    await provinceEntitiesForTests(tenantId)
      .unit.create({
        unitId: "so-co-tai-khoan",
        name: "Sở có tài khoản",
        kind: "state_agency",
        createdAt: "x",
        updatedAt: "x",
        version: 1,
      })
      .go();
    await as(board, "/api/accounts", "POST", {
      email: "vanthu@so.test",
      name: "Văn thư",
      role: "unit",
      unitId: "so-co-tai-khoan",
    });
    expect((await as(board, "/api/units/so-co-tai-khoan?version=1", "DELETE")).body.error?.code).toBe("unit.in_use");
  });

  it("flags and clears discipline per year, and answers 409 to a stale edit", async () => {
    const { board } = await freshTenant();
    const { body: created } = await as(board, "/api/units", "POST", { name: "Sở Nội vụ", kind: "state_agency" });
    const path = `/api/units/${created.unitId}`;
    const flagged = await as(board, path, "PATCH", {
      discipline: { "2024": "Cán bộ chủ chốt bị kỷ luật" },
      version: 1,
    });
    expect(flagged.body).toMatchObject({ discipline: { "2024": "Cán bộ chủ chốt bị kỷ luật" }, version: 2 });
    const stale = await as(board, path, "PATCH", { name: "Tên khác", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("unit.stale");
    const cleared = await as(board, path, "PATCH", { discipline: { "2024": null }, version: 2 });
    expect(cleared.body).toMatchObject({ discipline: {}, name: "Sở Nội vụ", version: 3 });
  });

  it("keeps units read-only for unit and council users", async () => {
    const { unit, council } = await freshTenant();
    for (const actor of [unit, council]) {
      const res = await as(actor, "/api/units", "POST", { name: "Đơn vị lạ", kind: "other" });
      expect(res.status).toBe(403);
    }
  });

  it("stores names composed and tidy, and refuses hidden characters and invisible names by field", async () => {
    const { board } = await freshTenant();
    const decomposed = "  So\u031b\u0309   Ta\u0300i chi\u0301nh ";
    const created = await as(board, "/api/units", "POST", { name: decomposed, kind: "state_agency" });
    expect(created.body.name).toBe("Sở Tài chính");
    const refused = [
      { name: "\u3164\u3164\u3164", expected: "text.invisible" },
      { name: "Sở \u202eụv iộN", expected: "text.hidden_characters" },
      { name: "Sở\u0000Nội vụ", expected: "text.hidden_characters" },
    ];
    for (const { name, expected } of refused) {
      const res = await as(board, "/api/units", "POST", { name, kind: "other" });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ path: "name", message: expected, rule: "custom" }]);
    }
  });

  it("names each invalid field", async () => {
    const { board } = await freshTenant();
    const res = await as(board, "/api/units", "POST", { name: "", kind: "ministry" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["kind", "name"]);
  });
});
