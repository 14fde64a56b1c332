import { bearer, callerOf, freshTenant, freshTenantId, operator, readJson, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();
const json = { "content-type": "application/json" };

async function asOperator(path: string, init: { method?: string; body?: unknown } = {}) {
  return app.request(path, {
    method: init.method ?? "GET",
    headers: { ...(await bearer(operator)), ...json },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** A new province with its first board member (a unique address per province). */
const onboarding = (tenantId: string, name: string) => ({
  tenantId,
  name,
  boardEmail: `bantdkt@${tenantId}.test`,
  boardName: "Ban Thi đua - Khen thưởng",
});

describe("tenant registry", () => {
  it("lets the operator create, read and suspend a province", async () => {
    const tenantId = freshTenantId("ag");
    // Province names are unique across the platform: each test's names carry its province's id.
    const created = await asOperator("/api/tenants", {
      method: "POST",
      body: onboarding(tenantId, `An Giang ${tenantId}`),
    });
    expect(created.status).toBe(201);
    expect(await readJson(created)).toMatchObject({
      tenant: { tenantId, name: `An Giang ${tenantId}`, status: "active", version: 1 },
      board: { email: `bantdkt@${tenantId}.test`, role: "board", status: "active" },
      invitation: { sent: true, link: expect.stringMatching(/^http:\/\/thidua\.test\/accept-invitation#/) },
    });

    const suspended = await asOperator(`/api/tenants/${tenantId}`, {
      method: "PATCH",
      body: { status: "suspended", version: 1 },
    });
    expect(suspended.status).toBe(200);
    expect(await readJson(suspended)).toMatchObject({ status: "suspended", version: 2 });
    expect(await readJson(await asOperator(`/api/tenants/${tenantId}`))).toMatchObject({ status: "suspended" });
  });

  it("refuses a second province with the same id and keeps the first", async () => {
    const tenantId = freshTenantId("qt");
    await asOperator("/api/tenants", { method: "POST", body: onboarding(tenantId, `Quảng Trị ${tenantId}`) });
    const again = await asOperator("/api/tenants", { method: "POST", body: onboarding(tenantId, `Khác ${tenantId}`) });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe("tenant.exists");
    expect(await readJson(await asOperator(`/api/tenants/${tenantId}`))).toMatchObject({
      name: `Quảng Trị ${tenantId}`,
    });
  });

  it("refuses a second province of the same name, whatever its case and diacritics", async () => {
    const a = freshTenantId();
    const first = await asOperator("/api/tenants", { method: "POST", body: onboarding(a, `Tỉnh Thử ${a}`) });
    expect(first.status).toBe(201);
    const b = freshTenantId();
    const again = await asOperator("/api/tenants", {
      method: "POST",
      body: onboarding(b, `tinh thu ${a.toUpperCase()}`),
    });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error).toMatchObject({ code: "tenant.name_taken", fields: [{ path: "name" }] });
    expect((await asOperator(`/api/tenants/${b}`)).status).toBe(404);
    // A rename moves the name: the old one is free again.
    await asOperator(`/api/tenants/${a}`, { method: "PATCH", body: { name: `Tỉnh Mới ${a}`, version: 1 } });
    expect((await asOperator("/api/tenants", { method: "POST", body: onboarding(b, `Tỉnh Thử ${a}`) })).status).toBe(
      201,
    );
  });

  it("archives a suspended province and restores it suspended; its people stay shut out meanwhile", async () => {
    const { tenantId, board } = await freshTenant();
    const patch = (body: object) => asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body });
    const early = await patch({ status: "archived", version: 1 });
    expect(early.status).toBe(409);
    expect((await readJson(early)).error).toMatchObject({ code: "tenant.archive_needs_suspension" });
    await patch({ status: "suspended", version: 1 });
    expect((await patch({ status: "archived", version: 2 })).status).toBe(200);
    expect((await app.request("/api/me", { headers: await bearer(board) })).status).toBe(403);
    const straightBack = await patch({ status: "active", version: 3 });
    expect((await readJson(straightBack)).error.code).toBe("tenant.archived");
    expect(await readJson(await patch({ status: "suspended", version: 3 }))).toMatchObject({ status: "suspended" });
  });

  it("answers 409 to an edit made from a stale version", async () => {
    const { tenantId } = await freshTenant();
    await asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body: { name: "Tên mới", version: 1 } });
    const stale = await asOperator(`/api/tenants/${tenantId}`, {
      method: "PATCH",
      body: { status: "suspended", version: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await readJson(stale)).error.code).toBe("tenant.stale");
    expect(await readJson(await asOperator(`/api/tenants/${tenantId}`))).toMatchObject({
      status: "active",
      version: 2,
    });
  });

  it("lets exactly one of two concurrent edits of the same version win", async () => {
    const { tenantId } = await freshTenant();
    const edits = await Promise.all(
      ["Một", "Hai", "Ba"].map((name) =>
        asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body: { name, version: 1 } }),
      ),
    );
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await readJson(await asOperator(`/api/tenants/${tenantId}`))).toMatchObject({ version: 2 });
  });

  it("answers 404 for an unknown province", async () => {
    const res = await asOperator(`/api/tenants/${freshTenantId("none")}`);
    expect(res.status).toBe(404);
    expect((await readJson(res)).error.code).toBe("tenant.not_found");
  });

  it("lists provinces in Vietnamese alphabetical order", async () => {
    const created = new Set<string>();
    for (const name of ["Đồng Tháp", "Bắc Ninh", "Cà Mau", "An Giang"]) {
      const tenantId = freshTenantId("sort");
      created.add(tenantId);
      await asOperator("/api/tenants", { method: "POST", body: onboarding(tenantId, `${name} ${tenantId}`) });
    }
    const { items } = await readJson(await asOperator("/api/tenants"));
    const listed = items
      .filter((t: { tenantId: string }) => created.has(t.tenantId))
      .map((t: { name: string; tenantId: string }) => t.name.replace(` ${t.tenantId}`, ""));
    expect(listed).toEqual(["An Giang", "Bắc Ninh", "Cà Mau", "Đồng Tháp"]);
  });

  it("shuts a suspended province's users out with a clear code, and lets them back in on resume", async () => {
    const { tenantId, board } = await freshTenant();
    await asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body: { status: "suspended", version: 1 } });
    const blocked = await app.request("/api/me", { headers: await bearer(board) });
    expect(blocked.status).toBe(403);
    expect((await readJson(blocked)).error.code).toBe("tenant.suspended");
    await asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body: { status: "active", version: 2 } });
    expect((await app.request("/api/me", { headers: await bearer(board) })).status).toBe(200);
  });

  it("records every operator action in the platform trail, and shows a province's board the actions on it", async () => {
    const as = callerOf(app);
    const tenantId = freshTenantId("trail");
    await asOperator("/api/tenants", { method: "POST", body: onboarding(tenantId, `Cần Thơ ${tenantId}`) });
    await asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body: { status: "suspended", version: 1 } });
    await asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body: { status: "active", version: 2 } });
    await asOperator(`/api/tenants/${tenantId}`, {
      method: "PATCH",
      body: { name: `Thành phố Cần Thơ ${tenantId}`, version: 3 },
    });
    // A refused action leaves no trace.
    await asOperator(`/api/tenants/${tenantId}`, { method: "PATCH", body: { name: "Sai phiên bản", version: 1 } });

    const { body: trail } = await as(operator, "/api/platform/audit?limit=200");
    const mine = trail.items.filter((r: { entityId: string }) => r.entityId === tenantId);
    expect(
      mine.map((r: { action: string; after: { status: string; name: string } }) => [
        r.action,
        r.after.status,
        r.after.name.replace(` ${tenantId}`, ""),
      ]),
    ).toEqual([
      ["update", "active", "Thành phố Cần Thơ"],
      ["update", "active", "Cần Thơ"],
      ["update", "suspended", "Cần Thơ"],
      ["create", "active", "Cần Thơ"],
    ]);
    expect(mine[0]).toMatchObject({ entity: "tenant", actorId: operator.userId, actorRole: "operator" });

    const board = { userId: "b", email: "b@ct.vn", name: "Ban", role: "board" as const, tenantId };
    const seen = await as(board, "/api/audit?entity=tenant");
    expect(seen.body.items).toHaveLength(4);
    const other = await freshTenant("trail-b");
    // Another province sees the actions on itself (its creation), none on this one.
    const theirs = (await as(other.board, "/api/audit?entity=tenant")).body.items;
    expect(theirs.map((r: { entityId: string }) => r.entityId)).toEqual([other.tenantId]);
    expect((await as(board, "/api/platform/audit")).status).toBe(403);
  });
});
