import { randomUUID } from "node:crypto";
import { callerOf, freshTenant, linkToken, operator, readJson, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();
const as = callerOf(app);

const post = async (path: string, body: unknown, token?: string) => {
  const res = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await readJson(res) };
};

const FIRST = "mat khau dau tien 2025";
const SECOND = "mat khau thu hai 2026";

/** A council member of a fresh province who has accepted the invitation: their address and session. */
async function member() {
  const { board, tenantId } = await freshTenant("pw");
  const email = `uv.${randomUUID().slice(0, 6)}@${tenantId}.test`;
  const invited = await as(board, "/api/accounts", "POST", { email, name: "Ủy viên Thử", role: "council" });
  const session = await post("/api/auth/local/invitation", {
    token: linkToken(invited.body.invitation.link),
    password: FIRST,
  });
  expect(session.status).toBe(200);
  return { email, board, tenantId, userId: invited.body.account.userId, session: session.body };
}

/** The newest outbox message to an address, as the operator reads it. */
async function lastMessageTo(email: string) {
  const { body } = await as(operator, "/api/auth/local/outbox");
  return body.items.find((m: { to: string }) => m.to === email);
}

describe("passwords and sessions", () => {
  it("renews a session with its refresh token, keeping the session's end", async () => {
    const { session } = await member();
    const renewed = await post("/api/auth/local/refresh", { refreshToken: session.refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.user).toEqual(session.user);
    expect((await app.request("/api/me", { headers: { authorization: `Bearer ${renewed.body.token}` } })).status).toBe(
      200,
    );
    // An ID token is not a refresh token, nor the other way round.
    expect((await post("/api/auth/local/refresh", { refreshToken: session.token })).status).toBe(401);
    const wrongWay = await app.request("/api/me", { headers: { authorization: `Bearer ${session.refreshToken}` } });
    expect(wrongWay.status).toBe(401);
  });

  it("signs out of one session: its refresh tokens, renewed ones too, stop working; other sessions go on", async () => {
    const { email, session } = await member();
    const other = (await post("/api/auth/local/login", { email, password: FIRST })).body;
    const renewed = (await post("/api/auth/local/refresh", { refreshToken: session.refreshToken })).body;
    const out = await app.request("/api/auth/local/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refreshToken: renewed.refreshToken }),
    });
    expect(out.status).toBe(204);
    for (const refreshToken of [session.refreshToken, renewed.refreshToken])
      expect((await post("/api/auth/local/refresh", { refreshToken })).body.error.code).toBe("auth.session_ended");
    expect((await post("/api/auth/local/refresh", { refreshToken: other.refreshToken })).status).toBe(200);
    // Anything else is answered alike, telling nothing.
    const junk = await app.request("/api/auth/local/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refreshToken: "not-a-token" }),
    });
    expect(junk.status).toBe(204);
  });

  it("changes a password with the current one; other sessions end, the caller gets a new one", async () => {
    const { email, session } = await member();
    const wrong = await post(
      "/api/auth/local/password",
      { currentPassword: "doan sai roi", newPassword: SECOND },
      session.token,
    );
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: { fields: [{ path: "currentPassword", message: "password.wrong_current" }] } },
    });
    const weak = await post(
      "/api/auth/local/password",
      { currentPassword: FIRST, newPassword: "qwertyuiop" },
      session.token,
    );
    expect(weak.body.error.fields).toEqual([{ path: "newPassword", message: "password.too_common", rule: "custom" }]);
    const same = await post("/api/auth/local/password", { currentPassword: FIRST, newPassword: FIRST }, session.token);
    expect(same.body.error.fields).toEqual([{ path: "newPassword", message: "password.same_as_current" }]);

    const changed = await post(
      "/api/auth/local/password",
      { currentPassword: FIRST, newPassword: SECOND },
      session.token,
    );
    expect(changed.status).toBe(200);
    expect((await post("/api/auth/local/refresh", { refreshToken: session.refreshToken })).body.error.code).toBe(
      "auth.session_ended",
    );
    expect((await post("/api/auth/local/refresh", { refreshToken: changed.body.refreshToken })).status).toBe(200);
    expect((await post("/api/auth/local/login", { email, password: FIRST })).status).toBe(401);
    expect((await post("/api/auth/local/login", { email, password: SECOND })).status).toBe(200);
  });

  it("resets a forgotten password by a one-time link from the outbox", async () => {
    const { email, session } = await member();
    expect(await post("/api/auth/local/password-reset/request", { email: email.toUpperCase() })).toEqual({
      status: 202,
      body: { accepted: true },
    });
    // Unknown addresses get the same answer and no message.
    const stranger = `nobody.${randomUUID().slice(0, 6)}@x.test`;
    expect((await post("/api/auth/local/password-reset/request", { email: stranger })).status).toBe(202);
    expect(await lastMessageTo(stranger)).toBeUndefined();

    const message = await lastMessageTo(email);
    expect(message).toMatchObject({ purpose: "reset", link: expect.stringContaining("/reset-password#") });
    const token = linkToken(message.link);
    expect((await post("/api/auth/local/password-reset/inspect", { token })).body).toMatchObject({ email });
    // An invitation link's page does not take a reset link.
    expect((await post("/api/auth/local/invitation", { token, password: SECOND })).status).toBe(404);
    expect((await post("/api/auth/local/password-reset", { token, password: SECOND })).status).toBe(200);
    expect((await post("/api/auth/local/password-reset", { token, password: SECOND })).body.error.code).toBe(
      "link.used",
    );
    expect((await post("/api/auth/local/login", { email, password: SECOND })).status).toBe(200);
    expect((await post("/api/auth/local/refresh", { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it("ends a pending reset link when the password changes another way, or the account is deactivated", async () => {
    const { email, session, board, userId } = await member();
    await post("/api/auth/local/password-reset/request", { email });
    const pending = linkToken((await lastMessageTo(email)).link);
    await post("/api/auth/local/password", { currentPassword: FIRST, newPassword: SECOND }, session.token);
    expect(
      (await post("/api/auth/local/password-reset", { token: pending, password: "mat khau thu ba 2027" })).body.error
        .code,
    ).toBe("link.invalid");

    await post("/api/auth/local/password-reset/request", { email });
    const beforeDeactivation = linkToken((await lastMessageTo(email)).link);
    await as(board, `/api/accounts/${userId}`, "PATCH", { status: "deactivated", version: 1 });
    await as(board, `/api/accounts/${userId}`, "PATCH", { status: "active", version: 2 });
    const inspected = await post("/api/auth/local/password-reset/inspect", { token: beforeDeactivation });
    expect(inspected.body.error.code).toBe("link.invalid");
    expect((await post("/api/auth/local/login", { email, password: SECOND })).status).toBe(200);
  });

  it("shows the outbox to the operator only", async () => {
    const { board } = await member();
    expect((await as(board, "/api/auth/local/outbox")).status).toBe(403);
  });

  it("lets the operator add a board account to a province, recorded in both trails", async () => {
    const { board, tenantId } = await freshTenant("op");
    const email = `ban.${randomUUID().slice(0, 6)}@${tenantId}.test`;
    const added = await as(operator, `/api/tenants/${tenantId}/accounts`, "POST", { email, name: "Phó Trưởng ban" });
    expect(added).toMatchObject({
      status: 201,
      body: { account: { email, role: "board" }, invitation: { sent: true } },
    });
    expect((await as(board, "/api/accounts")).body.items).toEqual([expect.objectContaining({ email })]);
    const provinceTrail = await as(board, "/api/audit?entity=account");
    expect(provinceTrail.body.items[0]).toMatchObject({ action: "create", actorRole: "operator" });
    const platformTrail = await as(operator, `/api/platform/audit?entity=account`);
    expect(platformTrail.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ entityId: added.body.account.userId })]),
    );
    const nowhere = await as(operator, "/api/tenants/khong-ton-tai/accounts", "POST", {
      email: `x${email}`,
      name: "Ai Đó",
    });
    expect(nowhere).toMatchObject({ status: 404, body: { error: { code: "tenant.not_found" } } });
  });
});
