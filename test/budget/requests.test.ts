import type { Actor, Role } from "@thidua/core/actor";
import { bearer, operator, readJson, testApp } from "@thidua/test/support";
import { recordDynamoRequests } from "@thidua/test/support/requests";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolationFixtures } from "../isolation/fixtures.ts";
import { fillPath, routesOf } from "../isolation/openapi-routes.ts";

/*
 * The request budget: every GET operation of the OpenAPI document, called by each role it allows on a
 * province with a launched year, makes at most BUDGET DynamoDB requests, counted by a client that records
 * them. Counted on a warm process (the second of two identical calls), as a warm Lambda serves most
 * pages: the province's status and the caller's token are then known. New routes join by being in the
 * document; a page cannot quietly exceed the budget.
 */
const BUDGET = 3;

/**
 * Pages still over the budget, by role, at their present count: none may grow, and one brought within
 * the budget must leave this list (the test says so).
 */
const OVER_BUDGET: Record<string, Partial<Record<Role, number>>> = {};

const app = await testApp();
const doc = await readJson(await app.request("/api/openapi.json"));
const pages = routesOf(doc).filter((route) => route.method === "GET");

let fx: Awaited<ReturnType<typeof isolationFixtures>>;
let recording: ReturnType<typeof recordDynamoRequests>;
beforeAll(async () => {
  fx = await isolationFixtures();
  recording = recordDynamoRequests();
});
afterAll(() => recording?.restore());

const national: Actor = { userId: "nat-budget", email: "nat@budget.test", name: "National", role: "national" };
const actorOf = (role: Role): Actor => {
  if (role === "operator") return operator;
  if (role === "national") return national;
  // The unit is the launched year's member, so its pages read what a member's do.
  return fx.a.actor(role, role === "unit" ? fx.paramsOfA.unitId : undefined);
};

describe(`DynamoDB requests per page (at most ${BUDGET})`, () => {
  it.each(pages.map((route) => [`${route.method} ${route.path}`, route] as const))("%s", async (_, route) => {
    const callers: Role[] = route.isPublic ? ["operator"] : (route.roles ?? []);
    const counts: Partial<Record<Role, number>> = {};
    for (const role of callers) {
      const path = fillPath(route, fx.paramsOfA, doc);
      const headers = await bearer(actorOf(role));
      await app.request(path, { headers });
      recording.take();
      const res = await app.request(path, { headers });
      expect(res.status, role).toBeLessThan(500);
      counts[role] = recording.take().length;
    }
    const allowed = OVER_BUDGET[route.path] ?? {};
    for (const role of callers) {
      const count = counts[role] ?? 0;
      const allowance = allowed[role];
      expect(count, `${role} (${allowance ? "over the budget, not to grow" : "budget"})`).toBeLessThanOrEqual(
        allowance ?? BUDGET,
      );
      if (allowance) expect(count, `${role} is now within the budget: take it off OVER_BUDGET`).toBeGreaterThan(BUDGET);
    }
  });
});
