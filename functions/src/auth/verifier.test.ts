import type { Actor } from "@thidua/core/actor";
import { AppError } from "@thidua/core/error";
import { createLocalIdp } from "@thidua/local/idp";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { claim } from "./claims.ts";
import { createVerifier } from "./verifier.ts";

const idp = await createLocalIdp({ issuer: "https://idp.test", audience: "dashboard" });
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

describe("token verifier", () => {
  it("turns a valid token into its Actor", async () => {
    expect(await verify(await idp.issue(board))).toEqual(board);
  });

  it("rejects a token for another audience or issuer", async () => {
    const otherAudience = await createLocalIdp({ issuer: "https://idp.test", audience: "someone-else" });
    const strict = createVerifier({ issuer: "https://other.test", audience: "dashboard", keys: idp.keys });
    expect(await codeOf(verify(await otherAudience.issue(board)))).toBe("auth.invalid_token");
    expect(await codeOf(strict(await idp.issue(board)))).toBe("auth.invalid_token");
  });

  it("says when a token has expired", async () => {
    expect(await codeOf(verify(await idp.issue(board, { expiresIn: -5 })))).toBe("auth.token_expired");
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
