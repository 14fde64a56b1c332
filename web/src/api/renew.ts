import type { AuthConfig } from "./auth.ts";
import { ApiError, api, call } from "./client.ts";
import { refreshIdToken, revokeToken } from "./cognito.ts";
import { tokenStore } from "./token.ts";

/** The identity provider does not change while the page is open: asked once (again after a failure). */
let config: Promise<AuthConfig> | undefined;
const authConfig = () => {
  config ??= call(api.authConfig.auth.config.$get()).catch((error: unknown) => {
    config = undefined;
    throw error;
  });
  return config;
};

/** Failures that say nothing of the session: Cognito answers 400 to throttling and to its own faults too. */
const passing = new Set(["cognito.too_many_requests", "cognito.failed"]);

/** A refusal of the session itself, not a passing failure (no network, throttling, a server fault). */
const isRefusal = (error: unknown) =>
  error instanceof ApiError &&
  error.status >= 400 &&
  error.status < 500 &&
  error.status !== 429 &&
  !passing.has(error.code);

/**
 * Renews the session's ID token with its refresh token, from whichever identity provider signed it:
 * the local one (which also answers the account's current role and unit) or Cognito. Null when there is
 * nothing to renew with or the provider refuses (session ended, account deactivated); a passing failure
 * is thrown. A renewal that ends after the user signed out, or another signed in, stores nothing.
 */
export async function renewSession(): Promise<string | null> {
  const refreshToken = tokenStore.refreshToken();
  if (!refreshToken) return null;
  try {
    const auth = await authConfig();
    const renewed =
      auth.provider === "local"
        ? await call(api.authLocal.auth.local.refresh.$post({ json: { refreshToken } }))
        : { token: await refreshIdToken(auth, refreshToken), refreshToken: undefined };
    if (tokenStore.refreshToken() !== refreshToken) return tokenStore.token();
    tokenStore.renewed(renewed.token, renewed.refreshToken);
    return renewed.token;
  } catch (error) {
    if (isRefusal(error)) return null;
    throw error;
  }
}

/**
 * Ends the session a refresh token belongs to at its provider, so a copy of the token is worth nothing
 * after signing out. Best effort: the dashboard has already forgotten the token.
 */
export async function endSession(refreshToken: string): Promise<void> {
  const auth = await authConfig();
  if (auth.provider === "local") await api.authLocal.auth.local["sign-out"].$post({ json: { refreshToken } });
  else await revokeToken(auth, refreshToken);
}
