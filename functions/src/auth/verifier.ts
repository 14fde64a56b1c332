import type { Actor } from "@thidua/core/actor";
import { unauthenticated } from "@thidua/core/error";
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from "jose";
import { actorFromClaims } from "./claims.ts";

export type Verifier = (token: string) => Promise<Actor>;

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** Where the public keys come from: a JWKS URL (Cognito, local server) or an in-process key set. */
  keys: JWTVerifyGetKey;
}

/** One verifier for Cognito and the local identity provider: signature by JWKS, issuer, audience, expiry. */
export function createVerifier({ issuer, audience, keys }: VerifierOptions): Verifier {
  return async function verify(token) {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ["RS256", "ES256"] }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated("auth.token_expired", "The session has expired");
      throw unauthenticated("auth.invalid_token", "The token is not valid");
    }
    const actor = actorFromClaims(payload);
    if (!actor) throw unauthenticated("auth.invalid_token", "The token does not name a valid account");
    return actor;
  };
}

export const remoteKeys = (jwksUrl: string): JWTVerifyGetKey => createRemoteJWKSet(new URL(jwksUrl));
