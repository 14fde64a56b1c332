import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Actor } from "@thidua/core/actor";
import { claimsFor } from "@thidua/functions/auth";
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  SignJWT,
} from "jose";

const ALG = "ES256";

export interface LocalIdp {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  /** The verifier's key source: the same JWKS the server publishes. */
  keys: JWTVerifyGetKey;
  issue(actor: Actor, options?: { expiresIn?: string | number }): Promise<string>;
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
  return {
    issuer,
    audience,
    jwks,
    keys: createLocalJWKSet(jwks),
    issue: (actor, { expiresIn = "8h" } = {}) =>
      new SignJWT(claimsFor(actor))
        .setProtectedHeader({ alg: ALG, kid })
        .setSubject(actor.userId)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(typeof expiresIn === "number" ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn)
        .sign(privateKey),
  };
}
