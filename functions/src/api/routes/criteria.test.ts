import { type CriteriaTable, sampleCriteriaTable } from "@thidua/core/criteria";
import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();

const as = callerOf(app);

/** A province with one bloc; `criteria` is the bloc's criteria path. */
async function province() {
  const t = await freshTenant("crit");
  const bloc = (await as(t.board, "/api/blocs", "POST", { name: "Khối các cơ quan Đảng", kind: "bloc" })).body;
  return { ...t, bloc, criteria: `/api/blocs/${bloc.blocId}/criteria` };
}

/** The sample table with its first criterion changed by `delta` points and the second by `-delta`. */
function shifted(delta: number): CriteriaTable {
  const table = structuredClone(sampleCriteriaTable);
  const [a, b] = table.groups[0]?.items ?? [];
  if (!a || !b) throw new Error("sample has fewer than two criteria");
  a.maxPoints += delta;
  b.maxPoints -= delta;
  return table;
}

/** The sample table with every max doubled: 200 points, bonus items 20. */
function doubled(): CriteriaTable {
  const table = structuredClone(sampleCriteriaTable);
  for (const g of table.groups) for (const c of g.items) c.maxPoints *= 2;
  return table;
}

const auditOf = async (p: Awaited<ReturnType<typeof province>>) =>
  (await as(p.board, `/api/audit?entity=criteria&entityId=${p.bloc.blocId}`)).body.items;

describe("criteria tables", () => {
  it("answers 404 for a bloc named like the province's own rule level, whose overrides share the read", async () => {
    const { board } = await province();
    for (const page of ["criteria", "rules"]) {
      const res = await as(board, `/api/blocs/province/${page}`);
      expect(res).toMatchObject({ status: 404, body: { error: { code: "bloc.not_found" } } });
    }
  });

  it("starts empty, saves v1 then v2, and reads both", async () => {
    const p = await province();
    expect((await as(p.board, p.criteria)).body).toEqual({
      version: 0,
      table: null,
      scale: { total: 100, bonusMax: 10 },
    });

    const v1 = await as(p.board, p.criteria, "PUT", { table: sampleCriteriaTable, baseVersion: 0 });
    expect(v1.status).toBe(200);
    expect(v1.body).toEqual({ version: 1, table: sampleCriteriaTable, scale: { total: 100, bonusMax: 10 } });
    const v2 = await as(p.board, p.criteria, "PUT", { table: shifted(2.5), baseVersion: 1 });
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);

    expect((await as(p.board, p.criteria)).body).toMatchObject({ version: 2, table: shifted(2.5) });
    const first = await as(p.board, `${p.criteria}/versions/1`);
    expect(first.body).toMatchObject({ version: 1, table: sampleCriteriaTable, createdBy: p.board.userId });
    expect(first.body.createdAt).toEqual(expect.any(String));
    expect((await as(p.board, `${p.criteria}/versions/2`)).body.table).toEqual(shifted(2.5));
    const missing = await as(p.board, `${p.criteria}/versions/3`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("criteria.not_found");

    // Each save has its audit record, with the table before and after; the bloc's own version stays.
    const audit = await auditOf(p);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: "update", before: sampleCriteriaTable, after: shifted(2.5) });
    expect(audit[1]).toMatchObject({ action: "create", before: null, after: sampleCriteriaTable });
    expect((await as(p.board, `/api/blocs/${p.bloc.blocId}`)).body).toMatchObject({ criteriaVersion: 2, version: 1 });
    // Renaming the bloc keeps its criteria version.
    const renamed = await as(p.board, `/api/blocs/${p.bloc.blocId}`, "PATCH", { name: "Khối Đảng", version: 1 });
    expect(renamed.body).toMatchObject({ criteriaVersion: 2, version: 2 });
  });

  it("rejects a table that does not add up to the scale, names the field, and writes nothing", async () => {
    const p = await province();
    const table = structuredClone(sampleCriteriaTable);
    (table.groups[0]?.items[0] as { maxPoints: number }).maxPoints += 1;
    table.bonus.push({ id: "b4", title: "Thưởng thêm", maxPoints: 1 });
    const res = await as(p.board, p.criteria, "PUT", { table, baseVersion: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("criteria.invalid");
    expect(res.body.error.fields).toEqual([
      { path: "table.groups", message: "criteria.total_mismatch" },
      { path: "table.bonus", message: "criteria.bonus_over_max" },
    ]);
    expect((await as(p.board, p.criteria)).body).toMatchObject({ version: 0, table: null });
    expect((await as(p.board, `${p.criteria}/versions/1`)).status).toBe(404);
    expect(await auditOf(p)).toEqual([]);
  });

  it("keeps shape errors as request.invalid with their paths", async () => {
    const p = await province();
    const table = structuredClone(sampleCriteriaTable);
    (table.groups[0]?.items[0] as { maxPoints: number }).maxPoints = 1.234;
    const res = await as(p.board, p.criteria, "PUT", { table, baseVersion: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("request.invalid");
    expect(res.body.error.fields[0].path).toBe("table.groups.0.items.0.maxPoints");
  });

  it("answers 409 to a stale base version", async () => {
    const p = await province();
    await as(p.board, p.criteria, "PUT", { table: sampleCriteriaTable, baseVersion: 0 });
    const stale = await as(p.board, p.criteria, "PUT", { table: shifted(1), baseVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("criteria.stale");
    expect((await as(p.board, p.criteria, "PUT", { table: shifted(1), baseVersion: 2 })).status).toBe(409);
    expect((await as(p.board, p.criteria)).body.version).toBe(1);
  });

  it("lets exactly one of concurrent saves from the same base win", async () => {
    const p = await province();
    const saves = await Promise.all(
      [0.5, 1, 1.5, 2, 2.5].map((d) => as(p.board, p.criteria, "PUT", { table: shifted(d), baseVersion: 0 })),
    );
    const statuses = saves.map((s) => s.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = saves.find((s) => s.status === 200);
    expect((await as(p.board, p.criteria)).body).toMatchObject({ version: 1, table: winner?.body.table });
    expect(await auditOf(p)).toHaveLength(1);
  });

  it("requires the province's own scale", async () => {
    const p = await province();
    await as(p.board, "/api/rules", "PUT", { rules: { scale: { total: 200, bonusMax: 20 } }, version: 0 });
    const hundred = await as(p.board, p.criteria, "PUT", { table: sampleCriteriaTable, baseVersion: 0 });
    expect(hundred.status).toBe(400);
    expect(hundred.body.error.fields).toEqual([{ path: "table.groups", message: "criteria.total_mismatch" }]);
    const saved = await as(p.board, p.criteria, "PUT", { table: doubled(), baseVersion: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.scale).toEqual({ total: 200, bonusMax: 20 });
  });

  it("keeps the version a bloc-year opened with after the table is edited again", async () => {
    const p = await province();
    const unit = (await as(p.board, "/api/units", "POST", { name: "Văn phòng Tỉnh ủy", kind: "party_agency" })).body;
    const year = `/api/blocs/${p.bloc.blocId}/years/2025`;
    await as(p.board, `${year}/members`, "PUT", { unitIds: [unit.unitId], version: 0 });
    await as(p.board, p.criteria, "PUT", { table: sampleCriteriaTable, baseVersion: 0 });
    const opened = await as(p.board, `${year}/open`, "POST", { theme: "Đoàn kết, đổi mới, sáng tạo", version: 1 });
    expect(opened.status).toBe(200);
    expect((await as(p.board, p.criteria, "PUT", { table: shifted(3), baseVersion: 1 })).status).toBe(200);
    expect((await as(p.board, year)).body).toMatchObject({ status: "open", criteriaVersion: 1 });
    expect((await as(p.board, p.criteria)).body.version).toBe(2);
  });

  it("lets units and council members read but not write", async () => {
    const p = await province();
    const unit = (await as(p.board, "/api/units", "POST", { name: "Báo Ninh Thuận", kind: "party_agency" })).body;
    await as(p.board, `/api/blocs/${p.bloc.blocId}/years/2025/members`, "PUT", { unitIds: [unit.unitId], version: 0 });
    await as(p.board, `/api/blocs/${p.bloc.blocId}`, "PATCH", { councilEmails: [p.council.email], version: 1 });
    await as(p.board, p.criteria, "PUT", { table: sampleCriteriaTable, baseVersion: 0 });

    for (const reader of [p.council, p.actor("unit", unit.unitId)]) {
      expect((await as(reader, p.criteria)).body).toMatchObject({ version: 1, table: sampleCriteriaTable });
      expect((await as(reader, `${p.criteria}/versions/1`)).status).toBe(200);
      const write = await as(reader, p.criteria, "PUT", { table: shifted(1), baseVersion: 1 });
      expect(write.status).toBe(403);
    }
    // A unit outside the bloc does not see it at all.
    expect((await as(p.actor("unit", "other-unit"), p.criteria)).status).toBe(404);
    expect((await as(p.board, p.criteria)).body.version).toBe(1);
  });
});
