import type { Actor, Role } from "@thidua/core/actor";
import { roles, tenantRoles } from "@thidua/core/actor";
import { createLocalIdp } from "@thidua/local/idp";
import { bearer, conformance, conformanceOf, operator, readJson, testApp, testIdp } from "@thidua/test/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolationFixtures } from "./fixtures.ts";
import { type DocumentedRoute, fillPath, routesOf, sampleOf } from "./openapi-routes.ts";

/*
 * The tenant-isolation matrix: every operation in the OpenAPI document, called
 * without a token, with a forged or expired one, by a role it does not allow,
 * from a suspended province and from another province. New routes join the
 * matrix by being in the document.
 */
const app = await testApp();
const doc = await readJson(await app.request("/api/openapi.json"));
const routes = routesOf(doc);
/** Every answer must be one its operation documents, its body fitting the documented schema. */
const conforms = conformanceOf(doc);
const guarded = routes.filter((r) => !r.isPublic);

let fx: Awaited<ReturnType<typeof isolationFixtures>>;
beforeAll(async () => {
  fx = await isolationFixtures();
});

/** Path parameters that are values, not resources of a province. */
const scalarParams = new Set(["year"]);

const national: Actor = { userId: "nat-test", email: "nat@test.local", name: "National", role: "national" };

/** An actor of each role, province roles taken from province B. */
function actorOf(role: Role): Actor {
  if (role === "operator") return operator;
  if (role === "national") return national;
  return fx.b.actor(role, role === "unit" ? "unit-1" : undefined);
}

/** What the matrix sent, for the record: status → count. */
const histogram = new Map<number, number>();
afterAll(() => {
  const counts = [...histogram].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  const total = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `isolation matrix: ${total} requests over ${routes.length} operations, ${conformance.checked} answers ` +
      `checked against the document; ${counts.join(", ")}`,
  );
});

async function call(route: DocumentedRoute, headers: Record<string, string>) {
  const res = await app.request(fillPath(route, fx.paramsOfA, doc), {
    method: route.method,
    headers: { ...headers, "content-type": "application/json" },
    ...(route.body ? { body: JSON.stringify(sampleOf(route.body, doc)) } : {}),
  });
  histogram.set(res.status, (histogram.get(res.status) ?? 0) + 1);
  const text = await res.text();
  const json = (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : undefined;
  conforms(route.method, fillPath(route, fx.paramsOfA, doc), res.status, json);
  return { status: res.status, text };
}

describe("the OpenAPI document", () => {
  it("lists the API's operations", () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["GET /api/me", "GET /api/tenants", "PATCH /api/tenants/{tenantId}"]),
    );
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s declares who may call it", (_, route) => {
    expect(route.isPublic || (route.roles?.length ?? 0) > 0).toBe(true);
  });
});

describe.each(guarded.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (_, route) => {
  it("answers 401 without a token", async () => {
    expect((await call(route, {})).status).toBe(401);
  });

  it("answers 401 to a malformed token", async () => {
    expect((await call(route, { authorization: "Bearer not-a-jwt" })).status).toBe(401);
  });

  it("answers 401 to a token signed by another key", async () => {
    const forger = await createLocalIdp({ issuer: (await testIdp()).issuer });
    const token = await forger.issue(actorOf(route.roles?.[0] ?? "operator"));
    expect((await call(route, { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it("answers 401 to an expired token", async () => {
    const headers = await bearer(actorOf(route.roles?.[0] ?? "operator"), { expiresIn: -3600 });
    const res = await call(route, headers);
    expect(res.status).toBe(401);
    expect(res.text).toContain("auth.token_expired");
  });

  const denied = roles.filter((role) => !route.roles?.includes(role));
  if (denied.length > 0)
    it(`answers 403 to the roles it does not allow (${denied.join(", ")})`, async () => {
      for (const role of denied) {
        const res = await call(route, await bearer(actorOf(role)));
        expect(res.status, role).toBe(403);
        for (const marker of fx.markersOfA) expect(res.text, role).not.toContain(marker);
      }
    });

  const provinceRoles = tenantRoles.filter((role) => route.roles?.includes(role));
  if (provinceRoles.length > 0)
    it("answers 403 to a suspended province", async () => {
      for (const role of provinceRoles) {
        const res = await call(route, await bearer(fx.suspended.actor(role)));
        expect(res.status, role).toBe(403);
        expect(res.text).toContain("tenant.suspended");
      }
    });

  if (provinceRoles.length > 0)
    it("never shows another province's data", async () => {
      for (const role of provinceRoles) {
        const res = await call(route, await bearer(actorOf(role)));
        // A path naming one of A's resources must not find it; a year alone names nothing of A's.
        if (route.params.some((p) => !scalarParams.has(p))) expect(res.status, role).toBe(404);
        expect(res.status, role).toBeLessThan(500);
        for (const marker of fx.markersOfA) expect(res.text, role).not.toContain(marker);
      }
    });
});
