import { createAccount } from "@thidua/core/identity";
import { updateTenant } from "@thidua/core/tenant";
import { freshTenant, operator, readJson, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();
const login = (body: unknown) =>
  app.request("/api/auth/local/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("local sign-in", () => {
  it("signs a board user in and the token opens /api/me", async () => {
    const { tenantId } = await freshTenant();
    const email = `Board@${tenantId}.test`;
    await createAccount({ email, name: "Ban Thi đua", role: "board", tenantId, password: "mật-khẩu-dài" });
    const res = await login({ email, password: "mật-khẩu-dài" });
    expect(res.status).toBe(200);
    const { token, user } = await readJson(res);
    expect(user).toMatchObject({ email: email.toLowerCase(), role: "board", tenantId });
    const me = await app.request("/api/me", { headers: { authorization: `Bearer ${token}` } });
    expect(await readJson(me)).toEqual({ ...user, tenantName: expect.stringContaining(tenantId) });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const { tenantId } = await freshTenant();
    await createAccount({ email: `u@${tenantId}.test`, name: "U", role: "unit", tenantId, password: "password-1" });
    const wrong = await login({ email: `u@${tenantId}.test`, password: "password-2" });
    const unknown = await login({ email: `nobody@${tenantId}.test`, password: "password-1" });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await readJson(wrong)).error.code).toBe("auth.invalid_credentials");
    expect((await readJson(unknown)).error.code).toBe("auth.invalid_credentials");
  });

  it("refuses sign-in to a suspended province's users", async () => {
    const { tenantId } = await freshTenant();
    await createAccount({ email: `b@${tenantId}.test`, name: "B", role: "board", tenantId, password: "password-1" });
    await updateTenant(operator, tenantId, { status: "suspended", version: 1 });
    const res = await login({ email: `b@${tenantId}.test`, password: "password-1" });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.code).toBe("tenant.suspended");
  });

  it("names the field of a malformed email, or of one too long to be an address (never a 500)", async () => {
    for (const email of ["not-an-email", `${"a".repeat(2100)}@an-giang.test`]) {
      const res = await login({ email, password: "x" });
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.fields).toContainEqual(expect.objectContaining({ path: "email" }));
    }
  });

  it("publishes the public signing key without its private part", async () => {
    const { keys } = await readJson(await app.request("/api/auth/local/jwks.json"));
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", alg: "ES256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });
});
