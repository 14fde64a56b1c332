import { OpenAPIHono, z } from "@hono/zod-openapi";
import { NationalOverview, NationalSummary, nationalOverview, nationalProvince } from "@thidua/core/national";
import { type AppEnv, actorOf } from "../context.ts";
import { defineRoute, json, tenantIdParam } from "../route.ts";

const readers = { roles: ["national", "operator"] } as const;
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2023 }) });

/** The national view: every province's summary, kept by the aggregator under `N#<year>`; never a province's own data. */
export const nationalRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(readers, {
      method: "get",
      path: "/national/overview",
      operationId: "getNationalOverview",
      tags: ["national"],
      summary: "Every province's figures for a year, in one read whatever the number of provinces",
      request: { query: YearQuery },
      responses: { 200: json(NationalOverview, "The provinces' figures") },
    }),
    async (c) => c.json(await nationalOverview(actorOf(c), c.req.valid("query").year), 200),
  )
  .openapi(
    defineRoute(readers, {
      method: "get",
      path: "/national/provinces/{tenantId}",
      operationId: "getNationalProvince",
      tags: ["national"],
      summary: "One province's figures for a year with its blocs and clusters (404 until it has any)",
      request: { params: tenantIdParam, query: YearQuery },
      responses: { 200: json(NationalSummary, "The province's figures") },
    }),
    async (c) =>
      c.json(await nationalProvince(actorOf(c), c.req.valid("param").tenantId, c.req.valid("query").year), 200),
  );
