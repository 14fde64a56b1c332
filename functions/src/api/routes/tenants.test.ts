import { bearer, freshTenant, freshTenantId, operator, readJson, testApp } from "@thidua/test/support";
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

describe("tenant registry", () => {
  it("lets the operator create, read and suspend a province", async () => {
    const tenantId = freshTenantId("ag");
    const created = await asOperator("/api/tenants", { method: "POST", body: { tenantId, name: "An Giang" } });
    expect(created.status).toBe(201);
    expect(await readJson(created)).toMatchObject({ tenantId, name: "An Giang", status: "active", version: 1 });

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
    await asOperator("/api/tenants", { method: "POST", body: { tenantId, name: "Quảng Trị" } });
    const again = await asOperator("/api/tenants", { method: "POST", body: { tenantId, name: "Khác" } });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe("tenant.exists");
    expect(await readJson(await asOperator(`/api/tenants/${tenantId}`))).toMatchObject({ name: "Quảng Trị" });
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
      await asOperator("/api/tenants", { method: "POST", body: { tenantId, name } });
    }
    const { items } = await readJson(await asOperator("/api/tenants"));
    const listed = items
      .filter((t: { tenantId: string }) => created.has(t.tenantId))
      .map((t: { name: string }) => t.name);
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
});
