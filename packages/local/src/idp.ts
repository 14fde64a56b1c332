import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Actor } from "@thidua/core/actor";
import { SESSION_SECONDS } from "@thidua/core/identity";
import { claimsFor } from "@thidua/functions/auth";
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from "jose";

const ALG = "ES256";

/** How long tokens last: an ID token a quarter of an hour, a signed-in session a working day. */
export const tokenLifetimes = { idSeconds: 15 * 60, sessionSeconds: SESSION_SECONDS } as const;

export interface LocalIdp {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  /** The verifier's key source: the same JWKS the server publishes. */
  keys: JWTVerifyGetKey;
  issue(actor: Actor, options?: { expiresIn?: string | number }): Promise<string>;
  /** A refresh token of a session (a new one unless given); it lasts until the session's 12 hours end. */
  issueRefresh(actor: Actor, session?: RefreshSession): Promise<string>;
  /** Whom a refresh token of this provider names, or undefined when it is not one (or has run out). */
  readRefresh(token: string): Promise<RefreshClaims | undefined>;
}

/** One sign-in's session, which its renewed refresh tokens carry on. */
export interface RefreshSession {
  /** When it began, in seconds. */
  authTime: number;
  /** Its id, by which signing out ends it alone. */
  sid: string;
}

export interface RefreshClaims extends RefreshSession {
  userId: string;
  email: string;
  /** When the token was issued, in milliseconds (sessions ended in the same second must end it too). */
  issuedAtMs: number;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

async function loadOrCreateKey(keyFile?: string): Promise<StoredKey> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, "utf8")) as StoredKey;
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const stored = { kid: randomUUID(), privateJwk: await exportJWK(privateKey) };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(stored), { mode: 0o600 });
  }
  return stored;
}

/**
 * The built-in identity provider standing in for Cognito: ES256-signed ID
 * tokens with the same claims, and a JWKS. With `keyFile` the signing key
 * survives restarts, so sessions do too.
 */
export async function createLocalIdp({
  issuer,
  audience = "thidua-local",
  keyFile,
}: {
  issuer: string;
  audience?: string;
  keyFile?: string;
}): Promise<LocalIdp> {
  const { kid, privateJwk } = await loadOrCreateKey(keyFile);
  const privateKey = await importJWK(privateJwk, ALG);
  const { d: _secret, ...publicJwk } = privateJwk;
  const jwks = { keys: [{ ...publicJwk, kid, alg: ALG, use: "sig" }] };
  const localKeys = createLocalJWKSet(jwks);
  const refreshAudience = `${audience}:refresh`;
  return {
    issuer,
    audience,
    jwks,
    keys: localKeys,
    issue: (actor, { expiresIn = tokenLifetimes.idSeconds } = {}) =>
      new SignJWT(claimsFor(actor))
        .setProtectedHeader({ alg: ALG, kid })
        .setSubject(actor.userId)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(typeof expiresIn === "number" ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn)
        .sign(privateKey),
    // Signed by the same key for another audience: a refresh token is never accepted as an ID token.
    issueRefresh: (actor, { authTime, sid } = { authTime: Math.floor(Date.now() / 1000), sid: randomUUID() }) =>
      new SignJWT({ email: actor.email, auth_time: authTime, sid, issued_ms: Date.now(), token_use: "refresh" })
        .setProtectedHeader({ alg: ALG, kid })
        .setSubject(actor.userId)
        .setIssuer(issuer)
        .setAudience(refreshAudience)
        .setIssuedAt()
        .setExpirationTime(authTime + tokenLifetimes.sessionSeconds)
        .sign(privateKey),
    async readRefresh(token) {
      try {
        const { payload } = await jwtVerify(token, localKeys, { issuer, audience: refreshAudience, algorithms: [ALG] });
        const {
          sub,
          email,
          issued_ms: issuedAtMs,
          auth_time: authTime,
          sid,
          token_use: use,
        } = payload as Record<string, unknown>;
        if (use !== "refresh" || typeof sub !== "string" || typeof email !== "string") return undefined;
        if (typeof issuedAtMs !== "number" || typeof authTime !== "number" || typeof sid !== "string") return undefined;
        return { userId: sub, email, issuedAtMs, authTime, sid };
      } catch {
        return undefined;
      }
    },
  };
}
