import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "@thidua/core/actor";
import { AppError } from "@thidua/core/error";
import { createLocalIdp } from "@thidua/local/idp";
import { importJWK, type JWK, SignJWT } from "jose";
import { afterAll, describe, expect, it, vi } from "vitest";
import { claim, claimsFor } from "./claims.ts";
import { createVerifier } from "./verifier.ts";

// The provider keeps its key in a file, so the tests can sign tokens with the real key but odd claims.
const keyDir = mkdtempSync(join(tmpdir(), "thidua-idp-"));
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));
const keyFile = join(keyDir, "key.json");
const idp = await createLocalIdp({ issuer: "https://idp.test", audience: "dashboard", keyFile });
const stored = JSON.parse(readFileSync(keyFile, "utf8")) as { kid: string; privateJwk: JWK };
const realKey = await importJWK(stored.privateJwk, "ES256");
const verify = createVerifier({ issuer: "https://idp.test", audience: "dashboard", keys: idp.keys });
const board: Actor = { userId: "u1", email: "b@ag.test", name: "Ban", role: "board", tenantId: "an-giang" };

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the provider's real key, with exactly the claims and header given. */
function signed({
  omit = [],
  header = { alg: "ES256", kid: stored.kid },
  iat = now(),
  exp = now() + 3600,
}: {
  omit?: string[];
  header?: Record<string, string>;
  iat?: number;
  exp?: number;
} = {}) {
  const claims: Record<string, unknown> = {
    ...claimsFor(board),
    sub: board.userId,
    iss: "https://idp.test",
    aud: "dashboard",
    iat,
    exp,
  };
  for (const name of omit) delete claims[name];
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(realKey);
}

describe("token verifier", () => {
  it("accepts a token signed with the real key that carries every required claim", async () => {
    expect(await verify(await signed())).toEqual(board);
  });

  it("refuses a token signed with the real key but missing exp, iat, sub, iss, aud or kid", async () => {
    for (const missing of ["exp", "iat", "sub", "iss", "aud"])
      expect(await codeOf(verify(await signed({ omit: [missing] }))), missing).toBe("auth.invalid_token");
    expect(await codeOf(verify(await signed({ header: { alg: "ES256" } })))).toBe("auth.invalid_token");
    expect(await codeOf(verify(await signed({ header: { alg: "ES256", kid: "another-key" } })))).toBe(
      "auth.invalid_token",
    );
  });

  it("refuses a token issued too long ago or in the future, whatever its expiry", async () => {
    const thirteenHoursAgo = now() - 13 * 3600;
    expect(await codeOf(verify(await signed({ iat: thirteenHoursAgo, exp: now() + 3600 })))).toBe("auth.token_expired");
    expect(await codeOf(verify(await signed({ iat: now() + 600 })))).toBe("auth.invalid_token");
    // Within the minute clocks may differ by, it is fine.
    expect(await codeOf(verify(await signed({ iat: now() + 30 })))).toBe("accepted");
  });

  it("turns a valid token into its Actor", async () => {
    expect(await verify(await idp.issue(board))).toEqual(board);
  });

  it("rejects a token for another audience or issuer", async () => {
    const otherAudience = await createLocalIdp({ issuer: "https://idp.test", audience: "someone-else" });
    const strict = createVerifier({ issuer: "https://other.test", audience: "dashboard", keys: idp.keys });
    expect(await codeOf(verify(await otherAudience.issue(board)))).toBe("auth.invalid_token");
    expect(await codeOf(strict(await idp.issue(board)))).toBe("auth.invalid_token");
  });

  it("says when a token has expired, beyond the minute clocks may differ by", async () => {
    expect(await codeOf(verify(await idp.issue(board, { expiresIn: -120 })))).toBe("auth.token_expired");
    expect(await codeOf(verify(await idp.issue(board, { expiresIn: -5 })))).toBe("accepted");
  });

  it("rejects an unsigned token", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ sub: "x", [claim.role]: "operator" })).toString("base64url");
    expect(await codeOf(verify(`${header}.${body}.`))).toBe("auth.invalid_token");
  });

  it("rejects a province role without a province, and a platform role with one", async () => {
    const forge = (claims: Record<string, string>) => idp.issue({ ...board, ...claims } as Actor);
    const noTenant = await forge({ tenantId: "" });
    expect(await codeOf(verify(noTenant))).toBe("auth.invalid_token");
    expect(await codeOf(verify(await forge({ role: "operator" })))).toBe("auth.invalid_token");
  });

  it("checks a token's signature once, then trusts it only until it expires", async () => {
    let keyReads = 0;
    const counting = createVerifier({
      issuer: "https://idp.test",
      audience: "dashboard",
      keys: (header, token) => {
        keyReads += 1;
        return idp.keys(header, token);
      },
    });
    const token = await signed({ exp: now() + 600 });
    expect(await counting(token)).toEqual(board);
    expect(await counting(token)).toEqual(board);
    expect(keyReads).toBe(1);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // Past its expiry and the minute of tolerance: checked again, and refused.
      vi.setSystemTime(Date.now() + 700_000);
      expect(await codeOf(counting(token))).toBe("auth.token_expired");
      expect(keyReads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects a token signed with a symmetric key even if the claims are right", async () => {
    const token = await new SignJWT({ email: "x@y.z", [claim.role]: "operator" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setIssuer("https://idp.test")
      .setAudience("dashboard")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("a-guessable-shared-secret-of-32-bytes!!"));
    expect(await codeOf(verify(token))).toBe("auth.invalid_token");
  });
});
