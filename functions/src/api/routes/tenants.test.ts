import { bearer, freshTenantId, operator, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const json = { "content-type": "application/json" };

describe("tenant registry", () => {
  it("lets the operator create, read and suspend a province", async () => {
    const app = await testApp();
    const auth = await bearer(operator);
    const tenantId = freshTenantId("ag");
    const created = await app.request("/api/tenants", {
      method: "POST",
      headers: { ...auth, ...json },
      body: JSON.stringify({ tenantId, name: "An Giang" }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ tenantId, name: "An Giang", status: "active", version: 1 });

    const suspended = await app.request(`/api/tenants/${tenantId}`, {
      method: "PATCH",
      headers: { ...auth, ...json },
      body: JSON.stringify({ status: "suspended", version: 1 }),
    });
    expect(suspended.status).toBe(200);
    expect(await suspended.json()).toMatchObject({ status: "suspended", version: 2 });
  });
});
