import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { getAccount, inviteAccount, updateAccount } from "@thidua/core/account";
import { createUnit } from "@thidua/core/unit";
import { freshTenant } from "@thidua/test/support";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCognitoDirectory } from "./cognito-directory.ts";

/*
 * Amazon Cognito cannot run here. These tests talk to an HTTP stand-in for its admin API, answering
 * the documented JSON 1.1 shapes and exception names, through the real AWS SDK client (signed requests,
 * its error mapping); the province's records are in DynamoDB Local as always.
 */

interface StandInUser {
  sub: string;
  status: "FORCE_CHANGE_PASSWORD" | "CONFIRMED";
  enabled: boolean;
  attributes: Record<string, string>;
  /** Invitations mailed, and global sign-outs. */
  mailed: number;
  signedOut: number;
}

const POOL = "ap-southeast-1_StandIn";
let users = new Map<string, StandInUser>();
let actions: string[] = [];
let server: Server;
let client: CognitoIdentityProviderClient;

type Body = {
  UserPoolId: string;
  Username: string;
  MessageAction?: "SUPPRESS" | "RESEND";
  UserAttributes?: { Name: string; Value: string }[];
  UserAttributeNames?: string[];
};

/** One admin action of the stand-in: its answer, or the exception Cognito would name. */
function act(action: string, body: Body): { status: number; json: unknown } {
  const fail = (type: string, message: string) => ({ status: 400, json: { __type: type, message } });
  if (body.UserPoolId !== POOL) return fail("ResourceNotFoundException", "User pool does not exist.");
  const user = users.get(body.Username);
  const asAttributes = (u: StandInUser) => [
    { Name: "sub", Value: u.sub },
    ...Object.entries(u.attributes).map(([Name, Value]) => ({ Name, Value })),
  ];
  if (action === "AdminCreateUser" && body.MessageAction === "RESEND") {
    if (!user) return fail("UserNotFoundException", "User does not exist.");
    if (user.status !== "FORCE_CHANGE_PASSWORD") return fail("UnsupportedUserStateException", "User is confirmed");
    user.mailed++;
    return { status: 200, json: { User: { Username: body.Username, Attributes: asAttributes(user) } } };
  }
  if (action === "AdminCreateUser") {
    if (user) return fail("UsernameExistsException", "An account with the given email already exists.");
    const attributes = Object.fromEntries((body.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    const created: StandInUser = {
      sub: randomUUID(),
      status: "FORCE_CHANGE_PASSWORD",
      enabled: true,
      attributes,
      mailed: body.MessageAction === "SUPPRESS" ? 0 : 1,
      signedOut: 0,
    };
    users.set(body.Username, created);
    return { status: 200, json: { User: { Username: body.Username, Attributes: asAttributes(created) } } };
  }
  if (!user) return fail("UserNotFoundException", "User does not exist.");
  switch (action) {
    case "AdminGetUser":
      return {
        status: 200,
        json: {
          Username: body.Username,
          UserAttributes: asAttributes(user),
          UserStatus: user.status,
          Enabled: user.enabled,
        },
      };
    case "AdminUpdateUserAttributes":
      for (const { Name, Value } of body.UserAttributes ?? []) user.attributes[Name] = Value;
      return { status: 200, json: {} };
    case "AdminDeleteUserAttributes":
      for (const name of body.UserAttributeNames ?? []) delete user.attributes[name];
      return { status: 200, json: {} };
    case "AdminDeleteUser":
      users.delete(body.Username);
      return { status: 200, json: {} };
    case "AdminDisableUser":
      user.enabled = false;
      return { status: 200, json: {} };
    case "AdminEnableUser":
      user.enabled = true;
      return { status: 200, json: {} };
    case "AdminUserGlobalSignOut":
      user.signedOut++;
      return { status: 200, json: {} };
    default:
      return fail("UnknownOperationException", action);
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const action = String(req.headers["x-amz-target"] ?? "").replace("AWSCognitoIdentityProviderService.", "");
      const body = JSON.parse(raw || "{}") as Body;
      actions.push(body.MessageAction ? `${action}:${body.MessageAction}` : action);
      const { status, json } = act(action, body);
      const type = (json as { __type?: string }).__type;
      res.writeHead(status, {
        "content-type": "application/x-amz-json-1.1",
        ...(type ? { "x-amzn-errortype": `${type}:` } : {}),
      });
      res.end(JSON.stringify(json));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  client = new CognitoIdentityProviderClient({
    region: "ap-southeast-1",
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: "stand-in", secretAccessKey: "stand-in" },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client?.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  users = new Map();
  actions = [];
});

const directory = () => createCognitoDirectory({ client, userPoolId: POOL });

async function province() {
  const tenant = await freshTenant("cog");
  const unit = await createUnit(tenant.board, { name: "Báo An Giang", kind: "party_agency" });
  return { ...tenant, unit, email: `canbo.${randomUUID().slice(0, 6)}@${tenant.tenantId}.test` };
}

describe("the Cognito directory (against a stand-in for Cognito's admin API)", () => {
  it("invites a unit officer: a silent user with the claims the API sets, then Cognito's invitation", async () => {
    const { board, unit, email, tenantId } = await province();
    const { account, invitation } = await inviteAccount(
      board,
      { email, name: "Nguyễn Văn Cán", role: "unit", unitId: unit.unitId },
      directory(),
    );
    expect(invitation).toEqual({ sent: true });
    expect(actions).toEqual(["AdminGetUser", "AdminCreateUser:SUPPRESS", "AdminCreateUser:RESEND"]);
    const user = users.get(email);
    expect(user).toMatchObject({ status: "FORCE_CHANGE_PASSWORD", enabled: true, mailed: 1 });
    expect(user?.attributes).toEqual({
      email,
      email_verified: "true",
      name: "Nguyễn Văn Cán",
      "custom:role": "unit",
      "custom:tenant": tenantId,
      "custom:unit": unit.unitId,
    });
    // The province's record is keyed by Cognito's sub, the token's subject.
    expect(account.userId).toBe(user?.sub);
    expect((await getAccount(board, account.userId)).email).toBe(email);
  });

  it("refuses an email Cognito already holds with 409, and writes nothing", async () => {
    const { board, email } = await province();
    await directory().reserve({ email, name: "Người khác", role: "national" });
    actions = [];
    await expect(inviteAccount(board, { email, name: "Trùng", role: "council" }, directory())).rejects.toMatchObject({
      code: "account.email_taken",
      kind: "conflict",
    });
    expect(actions).toEqual(["AdminGetUser"]);
    expect(users.get(email)?.attributes["custom:role"]).toBe("national");
  });

  it("resumes an invitation that stopped half-way: the user left in Cognito is reused, not duplicated", async () => {
    const { board, email, tenantId } = await province();
    // The process died after reserving the user, before the province's transaction.
    const { userId } = await directory().reserve({ email, name: "Cũ", role: "council", tenantId });
    const { account } = await inviteAccount(board, { email, name: "Ủy viên", role: "council" }, directory());
    expect(account.userId).toBe(userId);
    expect(users.get(email)).toMatchObject({ mailed: 1, attributes: expect.objectContaining({ name: "Ủy viên" }) });
  });

  it("deactivating disables the user and signs them out everywhere; a new role drops the unit claim", async () => {
    const { board, unit, email } = await province();
    const { account } = await inviteAccount(
      board,
      { email, name: "Cán bộ", role: "unit", unitId: unit.unitId },
      directory(),
    );
    const off = await updateAccount(board, account.userId, { status: "deactivated", version: 1 }, directory());
    expect(users.get(email)).toMatchObject({ enabled: false, signedOut: 1 });
    await updateAccount(
      board,
      account.userId,
      { status: "active", role: "council", version: off.version },
      directory(),
    );
    expect(users.get(email)?.enabled).toBe(true);
    expect(users.get(email)?.attributes).toMatchObject({ "custom:role": "council" });
    expect(users.get(email)?.attributes["custom:unit"]).toBeUndefined();
  });

  it("answers 409 to a resend for someone who has set a password, and releases only its own unconfirmed user", async () => {
    const { email } = await province();
    const cognito = directory();
    const { userId } = await cognito.reserve({ email, name: "Đã vào", role: "national" });
    const joined = users.get(email);
    if (joined) joined.status = "CONFIRMED";
    await expect(cognito.invite(email)).rejects.toMatchObject({ code: "account.already_joined", kind: "conflict" });
    await cognito.release({ email, userId });
    expect(users.has(email)).toBe(true);
    if (joined) joined.status = "FORCE_CHANGE_PASSWORD";
    await cognito.release({ email, userId: "another-id" });
    expect(users.has(email)).toBe(true);
    await cognito.release({ email, userId });
    expect(users.has(email)).toBe(false);
  });

  it("never changes or disables a user that is not the account's any more (same address, another id)", async () => {
    const { email } = await province();
    const cognito = directory();
    await cognito.reserve({ email, name: "Người mới", role: "national" });
    const stranger = { email, userId: randomUUID() };
    await expect(cognito.setEnabled(stranger, false)).rejects.toMatchObject({ code: "account.not_found" });
    await expect(cognito.update({ ...stranger, name: "Khác", role: "board", tenantId: "x" })).rejects.toMatchObject({
      code: "account.not_found",
    });
    expect(users.get(email)).toMatchObject({
      enabled: true,
      attributes: expect.objectContaining({ name: "Người mới" }),
    });
  });
});
