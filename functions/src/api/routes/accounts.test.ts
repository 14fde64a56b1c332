import { randomUUID } from "node:crypto";
import { createUnit } from "@thidua/core/unit";
import { callerOf, freshTenant, linkToken, readJson, testApp, testDirectory } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();
const as = callerOf(app);

const post = async (path: string, body: unknown) => {
  const res = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await readJson(res) };
};

/** A fresh province with one unit, and an address nobody else in the run uses. */
async function province() {
  const tenant = await freshTenant("acc");
  const paper = await createUnit(tenant.board, { name: "Báo An Giang", kind: "party_agency" });
  const email = (name: string) => `${name}.${randomUUID().slice(0, 6)}@${tenant.tenantId}.test`;
  return { ...tenant, paper, email };
}

const PASSWORD = "mat khau du dai 2025";

describe("a board's people", () => {
  it("invites a unit officer, who sets a password from the link, signs in and acts for that unit", async () => {
    const { board, paper, email } = await province();
    const address = email("canbo");
    const invited = await as(board, "/api/accounts", "POST", {
      email: address.toUpperCase(),
      name: "Nguyễn Văn Cán",
      role: "unit",
      unitId: paper.unitId,
    });
    expect(invited.status).toBe(201);
    expect(invited.body.account).toMatchObject({
      email: address,
      role: "unit",
      unitId: paper.unitId,
      status: "active",
    });
    expect(invited.body.account.joinedAt).toBeUndefined();

    const token = linkToken(invited.body.invitation.link);
    expect(await post("/api/auth/local/invitation/inspect", { token })).toMatchObject({
      status: 200,
      body: { email: address, name: "Nguyễn Văn Cán" },
    });
    const accepted = await post("/api/auth/local/invitation", { token, password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: address, role: "unit", unitId: paper.unitId });

    const signedIn = await post("/api/auth/local/login", { email: address, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    const me = await app.request("/api/me", { headers: { authorization: `Bearer ${signedIn.body.token}` } });
    expect(await readJson(me)).toMatchObject({ unitName: "Báo An Giang" });
    // The board sees that the invitation was taken up.
    const listed = await as(board, `/api/accounts?q=${encodeURIComponent("nguyen van can")}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ email: address, joinedAt: expect.any(String) })]);
  });

  it("refuses a link used twice, an expired one, and one replaced by a resent invitation", async () => {
    const { board, email } = await province();
    const first = await as(board, "/api/accounts", "POST", { email: email("uv"), name: "Ủy viên", role: "council" });
    const resent = await as(board, `/api/accounts/${first.body.account.userId}/invitation`, "POST");
    expect(resent.status).toBe(200);
    const replaced = await post("/api/auth/local/invitation", {
      token: linkToken(first.body.invitation.link),
      password: PASSWORD,
    });
    expect(replaced).toMatchObject({ status: 404, body: { error: { code: "link.invalid" } } });

    const token = linkToken(resent.body.invitation.link);
    expect((await post("/api/auth/local/invitation", { token, password: PASSWORD })).status).toBe(200);
    const twice = await post("/api/auth/local/invitation", { token, password: PASSWORD });
    expect(twice).toMatchObject({ status: 400, body: { error: { code: "link.used" } } });
    const again = await as(board, `/api/accounts/${first.body.account.userId}/invitation`, "POST");
    expect(again).toMatchObject({ status: 409, body: { error: { code: "account.already_joined" } } });

    // A directory whose invitations last no time at all: the link has run out when it is opened.
    const lapsed = callerOf(await testApp({ directory: testDirectory({ invitationHours: -1 }) }));
    const late = await lapsed(board, "/api/accounts", "POST", {
      email: email("late"),
      name: "Người Muộn",
      role: "council",
    });
    const expired = await post("/api/auth/local/invitation", {
      token: linkToken(late.body.invitation.link),
      password: PASSWORD,
    });
    expect(expired).toMatchObject({ status: 400, body: { error: { code: "link.expired" } } });
  });

  it("refuses a weak password from an invitation with a reason, and keeps the link usable", async () => {
    const { board, email } = await province();
    const address = email("yeu");
    const invited = await as(board, "/api/accounts", "POST", { email: address, name: "Người Thử", role: "council" });
    const token = linkToken(invited.body.invitation.link);
    for (const [password, code] of [
      ["ngan", "password.too_short"],
      ["1234567890", "password.too_common"],
      [`${address.split("@")[0]}-2025`, "password.like_email"],
      [`${address}1`, "password.like_email"],
    ]) {
      const weak = await post("/api/auth/local/invitation", { token, password });
      expect(weak).toMatchObject({
        status: 400,
        body: { error: { code, fields: [{ path: "password", message: code }] } },
      });
    }
    expect((await post("/api/auth/local/invitation", { token, password: PASSWORD })).status).toBe(200);
  });

  it("answers 409 naming the email when it already has an account, in this province or another", async () => {
    const a = await province();
    const b = await province();
    const address = a.email("trung");
    expect(
      (await as(a.board, "/api/accounts", "POST", { email: address, name: "Người Một", role: "council" })).status,
    ).toBe(201);
    for (const board of [a.board, b.board]) {
      const again = await as(board, "/api/accounts", "POST", { email: address, name: "Người Hai", role: "council" });
      expect(again).toMatchObject({
        status: 409,
        body: { error: { code: "account.email_taken", fields: [{ path: "email", message: "account.email_taken" }] } },
      });
    }
    expect((await as(b.board, "/api/accounts")).body.items).toEqual([]);
  });

  it("binds an officer only to a unit of the province, and creates nothing otherwise", async () => {
    const a = await province();
    const b = await province();
    const address = b.email("sai-don-vi");
    const foreign = await as(b.board, "/api/accounts", "POST", {
      email: address,
      name: "Cán Bộ",
      role: "unit",
      unitId: a.paper.unitId === b.paper.unitId ? "khong-co" : a.paper.unitId,
    });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: "unit.not_found" } } });
    const missing = await as(b.board, "/api/accounts", "POST", { email: address, name: "Cán Bộ", role: "unit" });
    expect(missing).toMatchObject({
      status: 400,
      body: { error: { fields: [{ path: "unitId", message: "account.unit_required" }] } },
    });
    expect((await as(b.board, "/api/accounts")).body.items).toEqual([]);
    // Nothing was reserved under the email: the right invitation goes through.
    const right = await as(b.board, "/api/accounts", "POST", {
      email: address,
      name: "Cán Bộ",
      role: "unit",
      unitId: b.paper.unitId,
    });
    expect(right.status).toBe(201);
  });

  it("answers 403 to a role the board may not grant", async () => {
    const { board, email } = await province();
    for (const role of ["operator", "national"]) {
      const refused = await as(board, "/api/accounts", "POST", { email: email(role), name: "Người Lạ", role });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "account.role_not_grantable" } } });
    }
    const council = await as(board, "/api/accounts", "POST", { email: email("uv"), name: "Ủy viên", role: "council" });
    const promoted = await as(board, `/api/accounts/${council.body.account.userId}`, "PATCH", {
      role: "operator",
      version: 1,
    });
    expect(promoted).toMatchObject({ status: 403, body: { error: { code: "account.role_not_grantable" } } });
    for (const actor of ["council", "unit"] as const) {
      const tenant = await province();
      expect((await as(tenant[actor], "/api/accounts")).status).toBe(403);
    }
  });

  it("deactivates a person, who can no longer sign in or renew a session, and reactivates them", async () => {
    const { board, paper, email } = await province();
    const address = email("tam-dung");
    const invited = await as(board, "/api/accounts", "POST", {
      email: address,
      name: "Người Dừng",
      role: "unit",
      unitId: paper.unitId,
    });
    const session = await post("/api/auth/local/invitation", {
      token: linkToken(invited.body.invitation.link),
      password: PASSWORD,
    });
    const { userId } = invited.body.account;

    const off = await as(board, `/api/accounts/${userId}`, "PATCH", { status: "deactivated", version: 1 });
    expect(off).toMatchObject({ status: 200, body: { status: "deactivated", version: 2 } });
    expect(await post("/api/auth/local/login", { email: address, password: PASSWORD })).toMatchObject({
      status: 403,
      body: { error: { code: "auth.account_disabled" } },
    });
    expect(await post("/api/auth/local/refresh", { refreshToken: session.body.refreshToken })).toMatchObject({
      status: 401,
      body: { error: { code: "auth.session_ended" } },
    });

    expect((await as(board, `/api/accounts/${userId}`, "PATCH", { status: "active", version: 2 })).status).toBe(200);
    expect((await post("/api/auth/local/login", { email: address, password: PASSWORD })).status).toBe(200);
  });

  it("moves a person to another role; their next renewed token carries it", async () => {
    const { board, paper, email } = await province();
    const invited = await as(board, "/api/accounts", "POST", {
      email: email("doi"),
      name: "Người Đổi",
      role: "unit",
      unitId: paper.unitId,
    });
    const session = await post("/api/auth/local/invitation", {
      token: linkToken(invited.body.invitation.link),
      password: PASSWORD,
    });
    const { userId } = invited.body.account;

    const noUnit = await as(board, `/api/accounts/${userId}`, "PATCH", { role: "unit", unitId: null, version: 1 });
    expect(noUnit).toMatchObject({ status: 400, body: { error: { fields: [{ path: "unitId" }] } } });
    const moved = await as(board, `/api/accounts/${userId}`, "PATCH", { role: "council", version: 1 });
    expect(moved.body).toMatchObject({ role: "council", version: 2 });
    expect(moved.body.unitId).toBeUndefined();

    const renewed = await post("/api/auth/local/refresh", { refreshToken: session.body.refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.user).toMatchObject({ role: "council" });
    expect(renewed.body.user.unitId).toBeUndefined();

    const stale = await as(board, `/api/accounts/${userId}`, "PATCH", { name: "Tên Cũ", version: 1 });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: "account.stale" } } });
  });

  it("does not let a deactivated board member, whose token has not expired yet, undo it or touch anyone", async () => {
    const { board, email, actor } = await province();
    const invited = await as(board, "/api/accounts", "POST", { email: email("ban2"), name: "Ban Hai", role: "board" });
    const other = await as(board, "/api/accounts", "POST", { email: email("uv2"), name: "Ủy Viên", role: "council" });
    const { userId } = invited.body.account;
    await as(board, `/api/accounts/${userId}`, "PATCH", { status: "deactivated", version: 1 });
    // Their token was issued before the deactivation and is still within its 15 minutes.
    const stillSigned = { ...actor("board"), userId, email: invited.body.account.email };
    const attempts = [
      [`/api/accounts/${userId}`, "PATCH", { status: "active", version: 2 }],
      [`/api/accounts/${other.body.account.userId}`, "PATCH", { status: "deactivated", version: 1 }],
      [`/api/accounts/${other.body.account.userId}/invitation`, "POST", undefined],
    ] as const;
    for (const [path, method, body] of attempts)
      expect(await as(stillSigned, path, method, body)).toMatchObject({
        status: 403,
        body: { error: { code: "auth.account_disabled" } },
      });
    expect((await as(board, `/api/accounts/${userId}`)).body.status).toBe("deactivated");
  });

  it("two invitations of one address at once make one account, whose identity stays", async () => {
    const { board, email } = await province();
    const address = email("cung-luc");
    const results = await Promise.all(
      ["Một", "Hai"].map((n) =>
        as(board, "/api/accounts", "POST", { email: address, name: `Người ${n}`, role: "council" }),
      ),
    );
    const made = results.filter((r) => r.status === 201);
    expect(made).toHaveLength(1);
    expect(results.find((r) => r.status !== 201)?.status).toBe(409);
    expect((await as(board, `/api/accounts?q=${address}`)).body.total).toBe(1);
    expect((await testDirectory().find(address))?.userId).toBe(made[0]?.body.account.userId);
  });

  it("a deactivation the identity provider fails (simulated: a fault the local one cannot produce) changes nothing", async () => {
    const { board, email } = await province();
    const directory = testDirectory();
    const faulty = callerOf(
      await testApp({
        directory: {
          ...directory,
          setEnabled: async () => {
            throw new Error("identity provider unavailable");
          },
        },
      }),
    );
    const invited = await as(board, "/api/accounts", "POST", {
      email: email("loi"),
      name: "Người Lỗi",
      role: "council",
    });
    const { userId } = invited.body.account;
    expect(
      (await faulty(board, `/api/accounts/${userId}`, "PATCH", { status: "deactivated", version: 1 })).status,
    ).toBe(500);
    expect((await as(board, `/api/accounts/${userId}`)).body).toMatchObject({ status: "active", version: 1 });
    // Once the provider is back, the same edit goes through.
    expect((await as(board, `/api/accounts/${userId}`, "PATCH", { status: "deactivated", version: 1 })).status).toBe(
      200,
    );
  });

  it("names a unit only for a unit officer: an edit giving a council member one is refused", async () => {
    const { board, paper, email } = await province();
    const invited = await as(board, "/api/accounts", "POST", { email: email("uv3"), name: "Ủy Viên", role: "council" });
    const refused = await as(board, `/api/accounts/${invited.body.account.userId}`, "PATCH", {
      unitId: paper.unitId,
      version: 1,
    });
    expect(refused).toMatchObject({ status: 400, body: { error: { fields: [{ path: "unitId" }] } } });
  });

  it("does not let board members demote or deactivate themselves", async () => {
    const { board, email, actor } = await province();
    const invited = await as(board, "/api/accounts", "POST", {
      email: email("ban"),
      name: "Thành Viên Ban",
      role: "board",
    });
    const self = { ...actor("board"), userId: invited.body.account.userId, email: invited.body.account.email };
    for (const change of [{ role: "council" }, { status: "deactivated" }]) {
      const refused = await as(self, `/api/accounts/${self.userId}`, "PATCH", { ...change, version: 1 });
      expect(refused).toMatchObject({ status: 409, body: { error: { code: "account.self_change" } } });
    }
  });

  it("sets the blocs a council member follows, and the blocs list them", async () => {
    const { board, email } = await province();
    const blocA = (await as(board, "/api/blocs", "POST", { name: "Khối Đảng", kind: "bloc" })).body;
    const blocB = (await as(board, "/api/blocs", "POST", { name: "Khối Hội", kind: "bloc" })).body;
    const address = email("theo-doi");
    const invited = await as(board, "/api/accounts", "POST", {
      email: address,
      name: "Ủy viên",
      role: "council",
      blocIds: [blocA.blocId],
    });
    expect(invited.body.account.blocIds).toEqual([blocA.blocId]);
    expect((await as(board, `/api/blocs/${blocA.blocId}`)).body.councilEmails).toEqual([address]);

    const moved = await as(board, `/api/accounts/${invited.body.account.userId}`, "PATCH", {
      blocIds: [blocB.blocId],
      version: 1,
    });
    expect(moved.body.blocIds).toEqual([blocB.blocId]);
    expect((await as(board, `/api/blocs/${blocA.blocId}`)).body.councilEmails).toEqual([]);
    expect((await as(board, `/api/blocs/${blocB.blocId}`)).body.councilEmails).toEqual([address]);

    const unknown = await as(board, "/api/accounts", "POST", {
      email: email("x"),
      name: "Ủy viên",
      role: "council",
      blocIds: ["khong-co"],
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "bloc.not_found" } } });
  });

  it("lists people by name, filtered by role, paged with a cursor", async () => {
    const { board, paper, email } = await province();
    const names = ["Đặng Văn Bốn", "Bùi Thị Hai", "An Văn Một", "Cao Thị Ba"];
    for (const name of names)
      await as(board, "/api/accounts", "POST", { email: email("p"), name, role: "unit", unitId: paper.unitId });
    await as(board, "/api/accounts", "POST", { email: email("uv"), name: "Ủy Viên", role: "council" });

    const first = await as(board, "/api/accounts?role=unit&limit=3");
    expect(first.body.items.map((a: { name: string }) => a.name)).toEqual(["An Văn Một", "Bùi Thị Hai", "Cao Thị Ba"]);
    expect(first.body.total).toBe(4);
    const next = await as(board, `/api/accounts?role=unit&limit=3&cursor=${first.body.cursor}`);
    expect(next.body).toMatchObject({ items: [{ name: "Đặng Văn Bốn" }], cursor: null });
    expect((await as(board, "/api/accounts?cursor=not-a-cursor")).body.error.code).toBe("cursor.invalid");
  });

  it("records every change in the province's audit trail, with no secret in it", async () => {
    const { board, email } = await province();
    const invited = await as(board, "/api/accounts", "POST", {
      email: email("audit"),
      name: "Người Ghi",
      role: "council",
    });
    const token = linkToken(invited.body.invitation.link);
    await post("/api/auth/local/invitation", { token, password: PASSWORD });
    await as(board, `/api/accounts/${invited.body.account.userId}`, "PATCH", { name: "Người Ghi Sổ", version: 1 });

    const trail = await as(board, "/api/audit?entity=account");
    expect(trail.body.items.map((r: { action: string }) => r.action)).toEqual(["update", "create"]);
    const text = JSON.stringify(trail.body);
    for (const secret of [token, token.split(".")[1], PASSWORD, "passwordHash", "scrypt$"])
      expect(text).not.toContain(secret);
  });
});
