import type { Actor } from "@thidua/core/actor";
import { unauthenticated } from "@thidua/core/error";
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import { actorFromClaims } from "./claims.ts";

export type Verifier = (token: string) => Promise<Actor>;

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** Where the public keys come from: a JWKS URL (Cognito, local server) or an in-process key set. */
  keys: JWTVerifyGetKey;
}

/**
 * The token policy. Cognito's ID tokens live an hour at most, the local provider's eight; a token older
 * than this is refused whatever its `exp` says. Clocks may differ by a minute.
 */
export const tokenPolicy = { maxAge: "12h", clockTolerance: 60 } as const;
const MAX_AGE_SECONDS = 12 * 3600;
/** Verified tokens a process keeps (the oldest leaves first): one per person signed in to it. */
const MAX_VERIFIED = 5_000;

/** Key ids are short: anything else is not a token of ours. */
const hasKeyId = (token: string) => {
  try {
    const { kid } = decodeProtectedHeader(token);
    return typeof kid === "string" && kid.length > 0 && kid.length <= 200;
  } catch {
    return false;
  }
};

/**
 * One verifier for Cognito and the local identity provider: a signature by a key of the JWKS named by
 * `kid`, the issuer, the audience, a subject, an `iat` and an `exp`, and an age within the policy.
 */
export function createVerifier({ issuer, audience, keys }: VerifierOptions): Verifier {
  const verified = new Map<string, { actor: Actor; until: number }>();
  return async function verify(token) {
    // A token already verified is not verified again until it expires (a signature check on every request).
    const known = verified.get(token);
    if (known && Date.now() < known.until) return known.actor;
    verified.delete(token);
    if (!hasKeyId(token)) throw unauthenticated("auth.invalid_token", "The token does not name its key");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ["RS256", "ES256"],
        requiredClaims: ["iss", "aud", "sub", "iat", "exp"],
        maxTokenAge: tokenPolicy.maxAge,
        clockTolerance: tokenPolicy.clockTolerance,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated("auth.token_expired", "The session has expired");
      throw unauthenticated("auth.invalid_token", "The token is not valid");
    }
    const actor = actorFromClaims(payload);
    if (!actor) throw unauthenticated("auth.invalid_token", "The token does not name a valid account");
    // Kept until it expires or grows older than the policy allows, whichever comes first.
    const until = Math.min(payload.exp ?? 0, (payload.iat ?? 0) + MAX_AGE_SECONDS) * 1000;
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
    verified.set(token, { actor, until });
    return actor;
  };
}

export const remoteKeys = (jwksUrl: string): JWTVerifyGetKey => createRemoteJWKSet(new URL(jwksUrl));
