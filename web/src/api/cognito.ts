import { z } from "zod";
import { ApiError } from "./client.ts";

/*
 * Sign-in against an Amazon Cognito user pool with plain fetch: the public,
 * unsigned calls of the JSON 1.1 API the dashboard needs (InitiateAuth with
 * USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH, RespondToAuthChallenge for
 * NEW_PASSWORD_REQUIRED, ForgotPassword and ConfirmForgotPassword, ChangePassword
 * and GlobalSignOut with an access token, RevokeToken), as the
 * AWS SDK sends them (aws-sdk apis/cognito-idp-2016-04-18: targetPrefix
 * AWSCognitoIdentityProviderService, authtype none).
 */

export interface CognitoPool {
  region: string;
  clientId: string;
}

/** What InitiateAuth and RespondToAuthChallenge answer: tokens, or the next challenge. */
const AuthResponse = z.object({
  ChallengeName: z.string().optional(),
  Session: z.string().optional(),
  ChallengeParameters: z.record(z.string(), z.string()).optional(),
  AuthenticationResult: z
    .object({ IdToken: z.string().optional(), AccessToken: z.string().optional(), RefreshToken: z.string().optional() })
    .optional(),
});

/** An invited user's first sign-in: Cognito wants a new password before it issues tokens. */
export interface NewPasswordChallenge {
  /** The pool's username (USER_ID_FOR_SRP), which may differ from the email typed. */
  username: string;
  session: string;
}

/** Signed in: the ID token, the access token, and the refresh token that renews them (a renewal brings none). */
export type CognitoStep =
  | { idToken: string; accessToken?: string; refreshToken?: string }
  | { newPassword: NewPasswordChallenge };

/**
 * A password as Cognito compares it, byte for byte: in one Unicode form, so "mật khẩu" typed on a phone
 * (often decomposed) matches the same typed on a computer. The local provider does the same when hashing.
 */
const nfc = (password: string) => password.normalize("NFC");

/** Cognito's exception names → the dashboard's error codes (translated under `errors.`). */
const codes: Record<string, string> = {
  UserNotFoundException: "auth.invalid_credentials",
  PasswordResetRequiredException: "cognito.password_reset_required",
  InvalidPasswordException: "cognito.invalid_password",
  TooManyRequestsException: "cognito.too_many_requests",
  LimitExceededException: "cognito.too_many_requests",
  UserNotConfirmedException: "cognito.user_not_confirmed",
  CodeMismatchException: "cognito.code_mismatch",
  ExpiredCodeException: "cognito.code_expired",
};

/** NotAuthorizedException covers several cases; only its message tells them apart. */
function notAuthorizedCode(message: string): string {
  if (/attempts exceeded/i.test(message)) return "cognito.too_many_requests";
  if (/disabled/i.test(message)) return "cognito.user_disabled";
  if (/temporary password.*expired/i.test(message)) return "cognito.temporary_password_expired";
  if (/session/i.test(message)) return "cognito.session_expired";
  return "auth.invalid_credentials";
}

/** The exception name as the AWS SDK reads it: `x-amzn-errortype` ("Name:…"), else `__type` ("ns#Name"). */
async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { __type?: string; message?: string; Message?: string };
  const raw = response.headers.get("x-amzn-errortype")?.split(":")[0] || body.__type || "";
  const type = raw.split("#").pop() ?? "";
  const message = body.message ?? body.Message ?? type;
  const code = type === "NotAuthorizedException" ? notAuthorizedCode(message) : (codes[type] ?? "cognito.failed");
  return new ApiError(response.status, code, `${type}: ${message}`);
}

/** One call of Cognito's JSON 1.1 API; its JSON answer, or its error as an ApiError. */
async function send(pool: CognitoPool, action: string, payload: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`https://cognito-idp.${pool.region}.amazonaws.com/`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(payload),
    });
  } catch (error) {
    throw new ApiError(0, "network", (error as Error).message);
  }
  if (!response.ok) throw await errorFrom(response);
  return response.json().catch(() => ({}));
}

/** A sign-in step; `username` names the user in a challenge when Cognito does not (USER_ID_FOR_SRP). */
async function call(pool: CognitoPool, action: string, payload: unknown, username: string): Promise<CognitoStep> {
  const parsed = AuthResponse.safeParse(await send(pool, action, payload));
  if (!parsed.success) throw new ApiError(200, "response.invalid", parsed.error.message);
  const { ChallengeName, Session, ChallengeParameters, AuthenticationResult } = parsed.data;
  if (AuthenticationResult?.IdToken)
    return {
      idToken: AuthenticationResult.IdToken,
      accessToken: AuthenticationResult.AccessToken,
      refreshToken: AuthenticationResult.RefreshToken,
    };
  if (ChallengeName === "NEW_PASSWORD_REQUIRED" && Session) {
    const named = ChallengeParameters?.USER_ID_FOR_SRP || ChallengeParameters?.USERNAME || username;
    return { newPassword: { username: named, session: Session } };
  }
  // MFA and custom challenges are not offered by this dashboard.
  throw new ApiError(200, "cognito.unsupported_challenge", `Challenge ${ChallengeName ?? "none"}`);
}

/** Email and password → the ID token the API verifies, or the new-password challenge. */
export const initiateAuth = (pool: CognitoPool, email: string, password: string): Promise<CognitoStep> =>
  call(
    pool,
    "InitiateAuth",
    {
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: pool.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: nfc(password) },
    },
    email,
  );

/** Answers NEW_PASSWORD_REQUIRED; Cognito then issues the tokens. */
export function respondNewPassword(
  pool: CognitoPool,
  challenge: NewPasswordChallenge,
  newPassword: string,
): Promise<CognitoStep> {
  const payload = {
    ChallengeName: "NEW_PASSWORD_REQUIRED",
    ClientId: pool.clientId,
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: nfc(newPassword) },
  };
  return call(pool, "RespondToAuthChallenge", payload, challenge.username);
}

/** A new ID token from the refresh token (the app client's 12 hours); a disabled user's is refused. */
export async function refreshIdToken(pool: CognitoPool, refreshToken: string): Promise<string> {
  const step = await call(
    pool,
    "InitiateAuth",
    { AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: pool.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } },
    "",
  );
  if (!("idToken" in step)) throw new ApiError(0, "cognito.unsupported_challenge", "Challenge on refresh");
  return step.idToken;
}

/** Mails a code that resets the password (Cognito answers alike for an unknown address). */
export const forgotPassword = async (pool: CognitoPool, email: string): Promise<void> => {
  await send(pool, "ForgotPassword", { ClientId: pool.clientId, Username: email });
};

/** Signs in to prove a password: the access token the account's own calls need. */
async function accessTokenFor(pool: CognitoPool, email: string, password: string): Promise<string> {
  const step = await initiateAuth(pool, email, password);
  if (!("idToken" in step) || !step.accessToken)
    throw new ApiError(200, "cognito.unsupported_challenge", "No access token");
  return step.accessToken;
}

/** Ends every session of the user (their refresh tokens), then signs in afresh with `password`. */
async function signInAlone(pool: CognitoPool, accessToken: string, email: string, password: string) {
  await send(pool, "GlobalSignOut", { AccessToken: accessToken });
  return initiateAuth(pool, email, password);
}

/** Sets a new password with the mailed code, and signs in with it alone: no earlier session survives. */
export async function resetPassword(pool: CognitoPool, email: string, code: string, password: string) {
  await send(pool, "ConfirmForgotPassword", {
    ClientId: pool.clientId,
    Username: email,
    ConfirmationCode: code,
    Password: nfc(password),
  });
  return signInAlone(pool, await accessTokenFor(pool, email, password), email, password);
}

/**
 * Changes the signed-in user's password, and ends their other sessions as the local provider does:
 * signing in with the current password proves it (a wrong one answers `auth.invalid_credentials`) and
 * yields the access token ChangePassword needs.
 */
export async function changePassword(
  pool: CognitoPool,
  email: string,
  current: string,
  proposed: string,
): Promise<CognitoStep> {
  const accessToken = await accessTokenFor(pool, email, current);
  await send(pool, "ChangePassword", {
    AccessToken: accessToken,
    PreviousPassword: nfc(current),
    ProposedPassword: nfc(proposed),
  });
  return signInAlone(pool, accessToken, email, proposed);
}

/** Revokes a refresh token when its session signs out (the app client has token revocation on). */
export const revokeToken = async (pool: CognitoPool, token: string): Promise<void> => {
  await send(pool, "RevokeToken", { ClientId: pool.clientId, Token: token });
};
