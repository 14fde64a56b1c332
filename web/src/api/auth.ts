import { queryOptions } from "@tanstack/react-query";
import { Actor } from "@thidua/core/actor";
import { AuthConfig, Me } from "@thidua/core/session/rules";
import { z } from "zod";
import { request } from "./client.ts";
import { type CognitoPool, type CognitoStep, initiateAuth, respondNewPassword } from "./cognito.ts";

export { AuthConfig } from "@thidua/core/session/rules";
export type DemoAccount = NonNullable<Extract<AuthConfig, { provider: "local" }>["demo"]>["accounts"][number];

const Session = z.object({ token: z.string(), user: Actor });
export type Session = z.infer<typeof Session>;

export interface Credentials {
  email: string;
  password: string;
}

/** Where a sign-in attempt got to: signed in, or asked for a new password (Cognito's first sign-in). */
export type SignInStep = { session: Session } | { newPassword: (password: string) => Promise<SignInStep> };

export const authConfigQuery = () =>
  queryOptions({
    queryKey: ["auth", "config"],
    queryFn: () => request("/api/auth/config", AuthConfig, { auth: false }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const meQuery = () =>
  queryOptions({
    queryKey: ["me"],
    queryFn: () => request("/api/me", Me),
    staleTime: 5 * 60_000,
  });

/** The built-in identity provider (local runtime) signs in in one step. */
export const localSignIn = async (credentials: Credentials): Promise<SignInStep> => ({
  session: await request("/api/auth/local/login", Session, { method: "POST", body: credentials, auth: false }),
});

/**
 * Signs in against the Cognito user pool: its ID token is the bearer token the API verifies, and
 * `GET /api/me` (called with it before it is stored) tells who it names.
 */
export function cognitoSignIn(pool: CognitoPool): (credentials: Credentials) => Promise<SignInStep> {
  const next = async (step: CognitoStep): Promise<SignInStep> => {
    if ("newPassword" in step) {
      const challenge = step.newPassword;
      return { newPassword: async (password) => next(await respondNewPassword(pool, challenge, password)) };
    }
    const user = await request("/api/me", Me, { auth: { token: step.idToken } });
    return { session: { token: step.idToken, user } };
  };
  return async ({ email, password }) => next(await initiateAuth(pool, email, password));
}
