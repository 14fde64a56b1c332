import { randomUUID } from "node:crypto";
import type { Actor, Role } from "@thidua/core/actor";
import { createLimitsStore } from "@thidua/core/db";
import { createLocalDirectory, type LocalDirectoryOptions } from "@thidua/core/identity";
import { createTenant } from "@thidua/core/tenant";
import { type AppDeps, createApp } from "@thidua/functions/app";
import { createSignInGuard, createVerifier, type SignInPolicy } from "@thidua/functions/auth";
import { previewInProcess, renderInProcess } from "@thidua/functions/documents/render";
import { createLocalIdp, type LocalIdp } from "@thidua/local/idp";
import { inject } from "vitest";
import { conformanceOf } from "./conformance.ts";

export { conformance, conformanceOf, requestCheckerOf } from "./conformance.ts";

export const operator: Actor = { userId: "op-test", email: "ops@test.local", name: "Operator", role: "operator" };

let idpPromise: Promise<LocalIdp> | undefined;
/** One signing key per test file; tokens are really signed and verified. */
export const testIdp = () => (idpPromise ??= createLocalIdp({ issuer: "http://thidua.test/api/auth/local" }));

/** Sign-in throttling on the run's limits table; tests keep apart by their accounts' emails. */
export const testSignInGuard = (policy?: SignInPolicy) =>
  createSignInGuard({
    store: createLimitsStore({ region: "local", endpoint: inject("dynamoEndpoint") }),
    tableName: inject("limitsTableName"),
    ...(policy ? { policy } : {}),
  });

/** The built-in identity provider's people, as the local runtime has them; links point at a test origin. */
export const testDirectory = (options: Partial<LocalDirectoryOptions> = {}) =>
  createLocalDirectory({ baseUrl: "http://thidua.test", invitationHours: 72, ...options });

/** The token of a one-time link (what follows `#`). */
export const linkToken = (link: string | undefined) => {
  const token = link?.split("#")[1];
  if (!token) throw new Error(`Not a one-time link: ${link}`);
  return token;
};

/** The real API app, in-process, verifying tokens against the test identity provider. */
export async function testApp(overrides: Partial<AppDeps> = {}) {
  const idp = await testIdp();
  const address = `test-${randomUUID()}`;
  const directory = testDirectory();
  return createApp({
    verify: createVerifier({ issuer: idp.issuer, audience: idp.audience, keys: idp.keys }),
    directory,
    // Each test app is an address of its own: sign-in counters live in one table for the whole run.
    localSignIn: { issuer: idp, guard: testSignInGuard(), directory, clientOf: () => address },
    authConfig: { provider: "local" },
    log: () => {},
    // The generators in process, storing in the run's s3rver (the documents function on AWS).
    renderDocument: renderInProcess,
    previewDocument: previewInProcess,
    // Export, import and erase jobs are created but not run: each scans the whole table, which the run's
    // files share. The tests of those jobs run them (test/archive, routes/archives.test.ts).
    runArchiveJob: async () => {},
    ...overrides,
  });
}

/** A fresh province id, so tests never share state. */
export const freshTenantId = (label = "t") => `${label}-${randomUUID().slice(0, 8)}`;

/** Creates a fresh active province and an actor of each role in it. */
export async function freshTenant(label?: string) {
  const tenantId = freshTenantId(label);
  await createTenant(operator, { tenantId, name: `Tỉnh thử ${tenantId}` });
  const actor = (role: Role, unitId?: string): Actor => ({
    userId: `${role}-${tenantId}`,
    email: `${role}@${tenantId}.test`,
    name: `${role} ${tenantId}`,
    role,
    tenantId,
    ...(unitId ? { unitId } : {}),
  });
  return { tenantId, board: actor("board"), council: actor("council"), unit: actor("unit", "unit-1"), actor };
}

export async function bearer(actor: Actor, options?: { expiresIn?: number }) {
  const token = await (await testIdp()).issue(actor, options);
  return { authorization: `Bearer ${token}` };
}

/** A response's JSON, loosely typed: tests assert on its shape. */
// biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON
export const readJson = (res: Response): Promise<any> => res.json();

/**
 * Calls the app as an actor with a really signed token: `as(board, "/api/units", "POST", body)`. Every
 * answer is checked against the app's OpenAPI document (status listed, body fitting its schema).
 */
export function callerOf(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }) {
  let check: ReturnType<typeof conformanceOf> | undefined;
  return async function as(actor: Actor, path: string, method = "GET", body?: unknown) {
    check ??= conformanceOf(await readJson(await app.request("/api/openapi.json", {})));
    const res = await app.request(path, {
      method,
      headers: { ...(await bearer(actor)), "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // A 204 has no body to read.
    const json = res.status === 204 ? undefined : await readJson(res);
    check(method, path, res.status, json);
    return { status: res.status, headers: res.headers, body: json };
  };
}
