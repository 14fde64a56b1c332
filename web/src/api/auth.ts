import { queryOptions } from "@tanstack/react-query";
import type { Actor } from "@thidua/core/actor";
import type { AuthConfig } from "@thidua/core/session/rules";
import { ApiError, api, call } from "./client.ts";
import {
  type CognitoPool,
  type CognitoStep,
  changePassword as cognitoChange,
  initiateAuth,
  respondNewPassword,
} from "./cognito.ts";

export type { AuthConfig } from "@thidua/core/session/rules";
export type DemoAccount = NonNullable<Extract<AuthConfig, { provider: "local" }>["demo"]>["accounts"][number];

export interface Session {
  token: string;
  /** Renews `token` until the session's end (12 hours from sign-in). */
  refreshToken?: string;
  user: Actor;
}

export interface Credentials {
  email: string;
  password: string;
}

/** Where a sign-in attempt got to: signed in, or asked for a new password (Cognito's first sign-in). */
export type SignInStep = { session: Session } | { newPassword: (password: string) => Promise<SignInStep> };

export const authConfigQuery = () =>
  queryOptions({
    queryKey: ["auth", "config"],
    queryFn: () => call(api.authConfig.auth.config.$get()),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const meQuery = () =>
  queryOptions({
    queryKey: ["me"],
    queryFn: () => call(api.me.me.$get()),
    staleTime: 5 * 60_000,
  });

/** The built-in identity provider (local runtime) signs in in one step. */
export const localSignIn = async (credentials: Credentials): Promise<SignInStep> => ({
  session: await call(api.authLocal.auth.local.login.$post({ json: credentials })),
});

/** Where a Cognito sign-in step leads: a session (`GET /api/me`, called with its ID token, names the user), or a challenge. */
function nextStep(pool: CognitoPool, step: CognitoStep): Promise<SignInStep> | SignInStep {
  if ("newPassword" in step) {
    const challenge = step.newPassword;
    return { newPassword: async (password) => nextStep(pool, await respondNewPassword(pool, challenge, password)) };
  }
  return call(api.me.me.$get(undefined, { headers: { authorization: `Bearer ${step.idToken}` } })).then((user) => ({
    session: { token: step.idToken, refreshToken: step.refreshToken, user },
  }));
}

/** Signs in against the Cognito user pool: its ID token is the bearer token the API verifies. */
export const cognitoSignIn =
  (pool: CognitoPool) =>
  async ({ email, password }: Credentials): Promise<SignInStep> =>
    nextStep(pool, await initiateAuth(pool, email, password));

/** The built-in identity provider's one-time links: an invitation, or a password reset. */
export type LinkPurpose = "invitation" | "reset";
const linkRoutes = {
  invitation: api.authLocal.auth.local.invitation,
  reset: api.authLocal.auth.local["password-reset"],
};

/** Whom a link is for; a used, expired or unknown one fails with its code (`link.used`…). */
export const inspectLink = (purpose: LinkPurpose, token: string) =>
  call(linkRoutes[purpose].inspect.$post({ json: { token } }));

/** Sets the password from a link, which then stops working; answers a signed-in session. */
export const setPasswordFromLink = (purpose: LinkPurpose, token: string, password: string): Promise<Session> =>
  call(linkRoutes[purpose].$post({ json: { token, password } }));

/** Asks for a reset link; accepted whether or not the address has an account. */
export const requestPasswordReset = (email: string) =>
  call(api.authLocal.auth.local["password-reset"].request.$post({ json: { email } }));

/** Changes the signed-in user's password with whichever provider signed them in; answers a new session. */
export async function changePassword(
  config: AuthConfig,
  email: string,
  currentPassword: string,
  newPassword: string,
): Promise<Session> {
  if (config.provider === "local")
    return call(api.authLocalSignedIn.auth.local.password.$post({ json: { currentPassword, newPassword } }));
  return cognitoSession(config, await cognitoChange(config, email, currentPassword, newPassword));
}

/** The session a Cognito sign-in step gives when no further challenge is expected (after a change or reset). */
export async function cognitoSession(pool: CognitoPool, step: CognitoStep): Promise<Session> {
  const next = await nextStep(pool, step);
  if (!("session" in next))
    throw new ApiError(200, "cognito.unsupported_challenge", "A challenge after a new password");
  return next.session;
}
