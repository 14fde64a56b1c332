/// <reference lib="dom" />
import type { Actor } from "@thidua/core/actor";
import { createApp } from "@thidua/functions/app";
import { createVerifier } from "@thidua/functions/auth";
import type { LocalIdp } from "@thidua/local/idp";
import { testDirectory } from "@thidua/test/support";
import type { Page, Route } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

/*
 * Amazon Cognito is the one external service that cannot run here. The browser routes its endpoint
 * to a stand-in answering the documented JSON 1.1 shapes; the ID tokens it hands out are minted by the
 * local identity provider, so the real API (told `provider: "cognito"`) verifies them as it would
 * Cognito's, and reads the same `custom:` claims.
 */

const pool = { region: "ap-southeast-1", userPoolId: "ap-southeast-1_StandIn", clientId: "stand-in-client-id" };

const board: Actor = {
  userId: "0f3c9d2e-cognito-board",
  email: "bantdkt@an-giang.thidua.local",
  name: "Ban Thi đua - Khen thưởng tỉnh An Giang",
  role: "board",
  tenantId: "an-giang",
};
const invited: Actor = {
  userId: "7a41b6c0-cognito-invited",
  email: "canbo.moi@an-giang.thidua.local",
  name: "Nguyễn Thị Mới",
  role: "council",
  tenantId: "an-giang",
};
const BOARD_PASSWORD = "mat-khau-ban-2025";
const TEMPORARY_PASSWORD = "TamThoi-2025";
const SESSION = "stand-in-session-for-new-password";
/** An account whose password an administrator reset: Cognito refuses it until a new one is set by code. */
const RESET_EMAIL = "phai.dat.lai@an-giang.thidua.local";
/** A unit officer who forgets, resets and changes a password. */
const officer: Actor = {
  userId: "5d2e8f10-cognito-officer",
  email: "baoangiang@an-giang.thidua.local",
  name: "Báo An Giang",
  role: "unit",
  tenantId: "an-giang",
  unitId: "bao-an-giang",
};
const OFFICER_PASSWORD = "bao an giang 2025";
/** The code the stand-in "mails" for a forgotten password. */
const RESET_CODE = "246810";

/** The parts of InitiateAuth's and RespondToAuthChallenge's bodies the stand-in reads. */
interface CognitoBody {
  ClientId?: string;
  Session?: string;
  AuthParameters?: Record<string, string>;
  ChallengeResponses?: Record<string, string>;
  Username?: string;
  ConfirmationCode?: string;
  Password?: string;
  AccessToken?: string;
  PreviousPassword?: string;
  ProposedPassword?: string;
  Token?: string;
}

/** What the stand-in received: X-Amz-Target and the JSON body. */
let calls: { target: string | undefined; contentType: string | undefined; body: CognitoBody }[] = [];

const harness = harnessForFile({
  app: ({ idp }) =>
    createApp({
      verify: createVerifier({ issuer: idp.issuer, audience: idp.audience, keys: idp.keys }),
      // Not called here: these tests sign in, which the dashboard does with Cognito itself.
      directory: testDirectory(),
      authConfig: { provider: "cognito", ...pool },
      log: () => {},
    }),
});

/** The stand-in's users by email (their passwords), and the refresh tokens it has not revoked. */
let passwords = new Map<string, string>();
let liveRefresh = new Map<string, Actor>();

beforeEach(() => {
  calls = [];
  passwords = new Map([
    [board.email, BOARD_PASSWORD],
    [officer.email, OFFICER_PASSWORD],
  ]);
  liveRefresh = new Map();
});

const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "*" };

const answer = (route: Route, status: number, body: unknown, errorType?: string) =>
  route.fulfill({
    status,
    contentType: "application/x-amz-json-1.1",
    headers: { ...cors, ...(errorType ? { "x-amzn-errortype": `${errorType}:http://internal.amazon.com/` } : {}) },
    body: JSON.stringify(body),
  });

const failure = (route: Route, type: string, message: string) => answer(route, 400, { __type: type, message }, type);

const users = [board, invited, officer];
const accessTokenOf = (actor: Actor) => `stand-in-access:${actor.userId}`;

/** Tokens for a sign-in (with a new refresh token) or a renewal (without one, as Cognito does). */
async function tokens(idp: LocalIdp, actor: Actor, { renewal = false } = {}) {
  const refresh = `stand-in-refresh:${actor.userId}:${liveRefresh.size}`;
  if (!renewal) liveRefresh.set(refresh, actor);
  return {
    AuthenticationResult: {
      IdToken: await idp.issue(actor),
      AccessToken: accessTokenOf(actor),
      ...(renewal ? {} : { RefreshToken: refresh }),
      ExpiresIn: 900,
      TokenType: "Bearer",
    },
    ChallengeParameters: {},
  };
}

/** The stand-in Cognito: two accounts, the second invited (temporary password, new one required). */
async function standInCognito(page: Page, idp: LocalIdp) {
  await page.route("https://cognito-idp.*.amazonaws.com/", async (route) => {
    const request = route.request();
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    const headers = request.headers();
    const body = request.postDataJSON() as CognitoBody;
    calls.push({ target: headers["x-amz-target"], contentType: headers["content-type"], body });
    const action = headers["x-amz-target"]?.replace("AWSCognitoIdentityProviderService.", "") ?? "";
    // The calls made with an access token name no app client.
    const withAccessToken = ["ChangePassword", "GlobalSignOut"].includes(action);
    if (!withAccessToken && body.ClientId !== pool.clientId)
      return failure(route, "ResourceNotFoundException", "No such client");
    if (action === "InitiateAuth") {
      const { USERNAME = "", PASSWORD, REFRESH_TOKEN = "" } = body.AuthParameters ?? {};
      if (REFRESH_TOKEN) {
        const actor = liveRefresh.get(REFRESH_TOKEN);
        if (!actor) return failure(route, "NotAuthorizedException", "Refresh Token has been revoked");
        return answer(route, 200, await tokens(idp, actor, { renewal: true }));
      }
      const user = users.find((u) => u.email === USERNAME);
      if (user && PASSWORD !== undefined && passwords.get(USERNAME) === PASSWORD)
        return answer(route, 200, await tokens(idp, user));
      if (USERNAME === invited.email && PASSWORD === TEMPORARY_PASSWORD)
        return answer(route, 200, {
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          Session: SESSION,
          ChallengeParameters: {
            USER_ID_FOR_SRP: invited.userId,
            requiredAttributes: "[]",
            userAttributes: JSON.stringify({ email: invited.email, email_verified: "true" }),
          },
        });
      if (USERNAME === RESET_EMAIL)
        return failure(route, "PasswordResetRequiredException", "Password reset required for the user");
      return failure(route, "NotAuthorizedException", "Incorrect username or password.");
    }
    if (action === "RespondToAuthChallenge") {
      const { USERNAME, NEW_PASSWORD = "" } = body.ChallengeResponses ?? {};
      if (body.Session !== SESSION || USERNAME !== invited.userId)
        return failure(route, "NotAuthorizedException", "Invalid session for the user.");
      if (NEW_PASSWORD.length < 12)
        return failure(
          route,
          "InvalidPasswordException",
          "Password did not conform with policy: Password not long enough",
        );
      return answer(route, 200, await tokens(idp, invited));
    }
    if (action === "ForgotPassword")
      return answer(route, 200, {
        CodeDeliveryDetails: { DeliveryMedium: "EMAIL", AttributeName: "email", Destination: "b***@a***" },
      });
    if (action === "ConfirmForgotPassword") {
      if (body.ConfirmationCode !== RESET_CODE)
        return failure(route, "CodeMismatchException", "Invalid verification code provided, please try again.");
      if ((body.Password ?? "").length < 10)
        return failure(route, "InvalidPasswordException", "Password did not conform with policy");
      passwords.set(body.Username ?? "", body.Password ?? "");
      return answer(route, 200, {});
    }
    const user = users.find((u) => accessTokenOf(u) === body.AccessToken);
    if (action === "ChangePassword") {
      if (!user || passwords.get(user.email) !== body.PreviousPassword)
        return failure(route, "NotAuthorizedException", "Incorrect username or password.");
      passwords.set(user.email, body.ProposedPassword ?? "");
      return answer(route, 200, {});
    }
    if (action === "RevokeToken") {
      liveRefresh.delete(body.Token ?? "");
      return answer(route, 200, {});
    }
    if (action === "GlobalSignOut") {
      for (const [token, actor] of liveRefresh) if (actor.userId === user?.userId) liveRefresh.delete(token);
      return answer(route, 200, {});
    }
    return failure(route, "UnknownOperationException", `No ${action}`);
  });
}

async function freshPage(): Promise<Page> {
  const page = await harness().freshPage();
  await standInCognito(page, harness().runtime.idp);
  return page;
}

describe("signing in through Cognito (a stand-in for the Cognito endpoint; the real API verifies its ID tokens)", () => {
  it(
    "signs the board in with the pool's ID token, which the API accepts",
    async () => {
      const page = await freshPage();
      await signIn(page, harness().baseUrl, board.email, BOARD_PASSWORD);
      await page.waitForURL("**/overview");
      await page.getByRole("link", { name: "Khối thi đua các cơ quan Đảng tỉnh" }).waitFor();
      expect(await page.locator(".who").textContent()).toContain(board.name);

      expect(calls).toEqual([
        {
          target: "AWSCognitoIdentityProviderService.InitiateAuth",
          contentType: "application/x-amz-json-1.1",
          body: {
            AuthFlow: "USER_PASSWORD_AUTH",
            ClientId: pool.clientId,
            AuthParameters: { USERNAME: board.email, PASSWORD: BOARD_PASSWORD },
          },
        },
      ]);
      // A reload keeps the session: the stored token is the ID token.
      await page.reload();
      await page.getByRole("link", { name: "Khối thi đua các cơ quan Đảng tỉnh" }).waitFor();
      // Signing out revokes the refresh token at Cognito.
      const refreshToken = await page.evaluate(() => localStorage.getItem("thidua.refresh"));
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL("**/sign-in");
      await expect.poll(() => calls.at(-1)?.target).toBe("AWSCognitoIdentityProviderService.RevokeToken");
      expect(calls.at(-1)?.body).toEqual({ ClientId: pool.clientId, Token: refreshToken });
      expect(liveRefresh.size).toBe(0);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "tells the user, in Vietnamese then in English, that the password is wrong, or must be reset",
    async () => {
      const page = await freshPage();
      await signIn(page, harness().baseUrl, board.email, "not-the-password");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toBe("Email hoặc mật khẩu không đúng.");
      expect(page.url()).toMatch(/\/sign-in$/);
      await page.getByRole("button", { name: "English" }).click();
      expect(await alert.textContent()).toBe("Wrong email or password.");

      await page.getByLabel("Email").fill(RESET_EMAIL);
      await page.getByLabel("Password").press("Enter");
      await alert.filter({ hasText: "must be reset" }).waitFor();
      expect(await alert.textContent()).toBe(
        "This account's password must be reset. Please contact your administrator.",
      );
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "asks an invited user for a new password at first sign-in, then signs them in",
    async () => {
      const page = await freshPage();
      await signIn(page, harness().baseUrl, invited.email, TEMPORARY_PASSWORD);
      await page.getByRole("heading", { name: "Đặt mật khẩu mới" }).waitFor();
      const password = page.getByLabel("Mật khẩu mới", { exact: true });
      expect(await password.evaluate((input) => input === document.activeElement)).toBe(true);

      // The two entries must match before anything is sent.
      await password.fill("mot-mat-khau-dai-2025");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("mot-mat-khau-khac-2025");
      await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
      await page.getByText("Hai mật khẩu chưa khớp.").waitFor();
      expect(calls).toHaveLength(1);

      // The product's policy refuses a short one before anything is sent…
      await password.fill("ngan-2025");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("ngan-2025");
      await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
      await page.getByText("Mật khẩu cần ít nhất 10 ký tự.").waitFor();
      expect(calls).toHaveLength(1);
      // …and a pool configured stricter (12 characters here) has its refusal said too.
      await password.fill("ngan-2025ab");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("ngan-2025ab");
      await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
      await page.getByRole("alert").filter({ hasText: "Mật khẩu mới chưa đạt yêu cầu" }).waitFor();
      await page.screenshot({ path: "/tmp/thidua-cognito-new-password.png", fullPage: true });

      await password.fill("mot-mat-khau-dai-2025");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("mot-mat-khau-dai-2025");
      await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
      await page.waitForURL("**/overview");
      expect(await page.locator(".who").textContent()).toContain(invited.name);
      expect(calls.at(-1)).toEqual({
        target: "AWSCognitoIdentityProviderService.RespondToAuthChallenge",
        contentType: "application/x-amz-json-1.1",
        body: {
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          ClientId: pool.clientId,
          Session: SESSION,
          ChallengeResponses: { USERNAME: invited.userId, NEW_PASSWORD: "mot-mat-khau-dai-2025" },
        },
      });
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "renews a token about to expire with the refresh token, and ends the session once Cognito refuses it",
    async () => {
      const page = await freshPage();
      await signIn(page, harness().baseUrl, board.email, BOARD_PASSWORD);
      await page.waitForURL("**/overview");
      const refreshToken = await page.evaluate(() => localStorage.getItem("thidua.refresh"));
      expect(refreshToken).toMatch(/^stand-in-refresh:/);
      // The token as it is some minutes after its 15 (beyond the API's minute of clock tolerance).
      const expired = await harness().runtime.idp.issue(board, { expiresIn: -120 });
      await page.evaluate((t) => localStorage.setItem("thidua.token", t), expired);
      await page.reload();
      await page.getByRole("link", { name: "Khối thi đua các cơ quan Đảng tỉnh" }).waitFor();
      expect(calls.at(-1)?.body).toEqual({
        AuthFlow: "REFRESH_TOKEN_AUTH",
        ClientId: pool.clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      });
      expect(await page.evaluate(() => localStorage.getItem("thidua.token"))).not.toBe(expired);

      // An administrator disables the user: Cognito revokes the refresh token; the session ends.
      liveRefresh.clear();
      await page.evaluate((t) => localStorage.setItem("thidua.token", t), expired);
      await page.reload();
      await page.waitForURL("**/sign-in");
      await page.getByText("Phiên đăng nhập đã hết hạn").waitFor();
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "a forgotten password: Cognito mails a code; the code and a new password sign the officer in",
    async () => {
      const page = await freshPage();
      await page.goto(`${harness().baseUrl}/sign-in`);
      await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
      await page.getByLabel("Email").fill(officer.email);
      await page.getByRole("button", { name: "Gửi liên kết" }).click();
      await page.getByText(`Nếu ${officer.email} có tài khoản, mã đặt lại mật khẩu đã được gửi`).waitFor();
      expect(calls.at(-1)).toMatchObject({
        target: "AWSCognitoIdentityProviderService.ForgotPassword",
        body: { ClientId: pool.clientId, Username: officer.email },
      });

      const setPassword = async (code: string, password: string) => {
        await page.getByLabel("Mã trong thư").fill(code);
        await page.getByLabel("Mật khẩu mới", { exact: true }).fill(password);
        await page.getByLabel("Nhập lại mật khẩu mới").fill(password);
        await page.getByRole("button", { name: "Đặt mật khẩu mới và đăng nhập" }).click();
      };
      await setPassword("000000", "bao an giang 2026");
      await page.getByText("Mã không đúng.").waitFor();
      await setPassword(RESET_CODE, "bao an giang 2026");
      await page.waitForURL("**/overview");
      // Then signed in with it alone: a session begun before the reset ends with it.
      expect(calls.slice(-4).map((c) => c.target?.split(".")[1])).toEqual([
        "ConfirmForgotPassword",
        "InitiateAuth",
        "GlobalSignOut",
        "InitiateAuth",
      ]);
      expect(passwords.get(officer.email)).toBe("bao an giang 2026");
      expect(await page.locator(".who").textContent()).toContain(officer.name);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "my account changes the password: the current one is proved, other sessions end, this one goes on",
    async () => {
      const page = await freshPage();
      await signIn(page, harness().baseUrl, officer.email, OFFICER_PASSWORD);
      await page.waitForURL("**/overview");
      await page.getByRole("link", { name: "Tài khoản của tôi" }).click();
      const change = async (current: string, next: string) => {
        await page.getByLabel("Mật khẩu hiện tại").fill(current);
        await page.getByLabel("Mật khẩu mới", { exact: true }).fill(next);
        await page.getByLabel("Nhập lại mật khẩu mới").fill(next);
        await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
      };
      await change("khong phai mat khau", "bao an giang 2027");
      await page.getByText("Mật khẩu hiện tại không đúng.").waitFor();
      expect(passwords.get(officer.email)).toBe(OFFICER_PASSWORD);

      calls = [];
      await change(OFFICER_PASSWORD, "bao an giang 2027");
      await page.getByText("Đã đổi mật khẩu.").waitFor();
      expect(calls.map((c) => c.target?.split(".")[1])).toEqual([
        "InitiateAuth",
        "ChangePassword",
        "GlobalSignOut",
        "InitiateAuth",
      ]);
      expect(passwords.get(officer.email)).toBe("bao an giang 2027");
      // Only the session started with the new password remains.
      expect([...liveRefresh.keys()]).toEqual([await page.evaluate(() => localStorage.getItem("thidua.refresh"))]);
      await page.context().close();
    },
    TIMEOUT,
  );
});
