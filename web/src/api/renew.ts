import { api, call } from "./client.ts";
import { refreshIdToken } from "./cognito.ts";
import { tokenStore } from "./token.ts";

/**
 * Renews the session's ID token with its refresh token, from whichever identity provider signed it:
 * the local one (which also answers the account's current role and unit) or Cognito. Null when there is
 * nothing to renew with; a refused renewal (session ended, account deactivated) throws.
 */
export async function renewSession(): Promise<string | null> {
  const refreshToken = tokenStore.refreshToken();
  if (!refreshToken) return null;
  const config = await call(api.authConfig.auth.config.$get());
  if (config.provider === "local") {
    const session = await call(api.authLocal.auth.local.refresh.$post({ json: { refreshToken } }));
    tokenStore.renewed(session.token, session.refreshToken);
    return session.token;
  }
  const token = await refreshIdToken(config, refreshToken);
  tokenStore.renewed(token);
  return token;
}
