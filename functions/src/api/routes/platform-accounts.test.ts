import { randomUUID } from "node:crypto";
import { callerOf, freshTenant, linkToken, operator, readJson, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();
const as = callerOf(app);
const PASSWORD = "mat khau du dai 2025";
const address = (name: string) => `${name}.${randomUUID().slice(0, 8)}@platform.test`;

const post = async (path: string, body: unknown) => {
  const res = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await readJson(res) };
};

/** Invites someone to the platform and accepts the invitation: their account and a signed-in session. */
async function joined(role: "operator" | "national") {
  const email = address(role);
  const invited = await as(operator, "/api/platform/accounts", "POST", { email, name: `Người ${role}`, role });
  expect(invited.status).toBe(201);
  const session = await post("/api/auth/local/invitation", {
    token: linkToken(invited.body.invitation.link),
    password: PASSWORD,
  });
  expect(session.status).toBe(200);
  return { account: invited.body.account, email, token: session.body.token as string, user: session.body.user };
}

describe("the platform's people", () => {
  it("an operator invites a national viewer, who joins and reads the provinces but cannot manage people", async () => {
    const { account, user, token } = await joined("national");
    expect(account).toMatchObject({ role: "national", status: "active", version: 1 });
    expect(user).toMatchObject({ role: "national", userId: account.userId });
    expect(user.tenantId).toBeUndefined();
    const tenants = await app.request("/api/tenants", { headers: { authorization: `Bearer ${token}` } });
    expect(tenants.status).toBe(200);
    const denied = await app.request("/api/platform/accounts", { headers: { authorization: `Bearer ${token}` } });
    expect(denied.status).toBe(403);

    const listed = await as(operator, "/api/platform/accounts");
    expect(listed.body.items).toContainEqual(expect.objectContaining({ userId: account.userId, role: "national" }));
    const trail = await as(operator, `/api/platform/audit?entity=account`);
    expect(trail.body.items).toContainEqual(
      expect.objectContaining({ entityId: account.userId, entity: "account", action: "create" }),
    );
  });

  it("deactivating ends sign-in and renewal; reactivating restores sign-in", async () => {
    const { account, email } = await joined("national");
    const login = await post("/api/auth/local/login", { email, password: PASSWORD });
    expect(login.status).toBe(200);
    const off = await as(operator, `/api/platform/accounts/${account.userId}`, "PATCH", {
      status: "deactivated",
      version: 1,
    });
    expect(off).toMatchObject({ status: 200, body: { status: "deactivated", version: 2 } });
    expect((await post("/api/auth/local/login", { email, password: PASSWORD })).body.error.code).toBe(
      "auth.account_disabled",
    );
    const renewed = await post("/api/auth/local/refresh", { refreshToken: login.body.refreshToken });
    expect(renewed.status).toBe(401);

    const stale = await as(operator, `/api/platform/accounts/${account.userId}`, "PATCH", {
      status: "active",
      version: 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: "account.stale" } } });
    await as(operator, `/api/platform/accounts/${account.userId}`, "PATCH", { status: "active", version: 2 });
    expect((await post("/api/auth/local/login", { email, password: PASSWORD })).status).toBe(200);
  });

  it("an operator cannot demote or deactivate themselves", async () => {
    const { account, token } = await joined("operator");
    for (const change of [{ status: "deactivated" }, { role: "national" }]) {
      const res = await app.request(`/api/platform/accounts/${account.userId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...change, version: 1 }),
      });
      expect(res.status).toBe(409);
      expect((await readJson(res)).error.code).toBe("account.self_change");
    }
  });

  it("refuses an email a province already uses, a province role, and resending to one who has joined", async () => {
    const { board } = await freshTenant("plat");
    const email = address("canbo");
    expect((await as(board, "/api/accounts", "POST", { email, name: "Cán bộ", role: "council" })).status).toBe(201);
    const taken = await as(operator, "/api/platform/accounts", "POST", { email, name: "Trùng", role: "national" });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "account.email_taken" } } });
    const provinceRole = await as(operator, "/api/platform/accounts", "POST", {
      email: address("x"),
      name: "Ban",
      role: "board",
    });
    expect(provinceRole.status).toBe(400);
    const { account } = await joined("national");
    const resent = await as(operator, `/api/platform/accounts/${account.userId}/invitation`, "POST");
    expect(resent).toMatchObject({ status: 409, body: { error: { code: "account.already_joined" } } });
  });
});
