import { OpenAPIHono } from "@hono/zod-openapi";
import {
  BlocQuotas,
  getProvinceQuotas,
  getQuotas,
  ProvinceQuotas,
  SetQuotasInput,
  setQuotas,
} from "@thidua/core/quota";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, boardOnly, body, defineRoute, json, provinceReaders, yearParam } from "../route.ts";

/** Award quotas per bloc and year, and the province's summary of a year. */
export const quotaRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/blocs/{blocId}/years/{year}/quotas",
      operationId: "getBlocQuotas",
      tags: ["quotas"],
      summary: "A bloc's quotas for a year, one line per active award type, with the resulting numbers",
      request: { params: blocYearParams },
      responses: { 200: json(BlocQuotas, "Quotas") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await getQuotas(actorOf(c), blocId, year), 200);
    },
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "put",
      path: "/blocs/{blocId}/years/{year}/quotas",
      operationId: "setBlocQuotas",
      refusals: ["quota.percent_over_100", "quota.invalid", "quota.over_members"],
      tags: ["quotas"],
      summary: "Set a bloc's quotas for a year (award types left out take their default)",
      request: { params: blocYearParams, body: body(SetQuotasInput) },
      responses: { 200: json(BlocQuotas, "Quotas") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await setQuotas(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "get",
      path: "/years/{year}/quotas",
      operationId: "getProvinceQuotas",
      tags: ["quotas"],
      summary: "The province's quotas for a year: per bloc, totals, and the government-flag cap",
      request: { params: yearParam },
      responses: { 200: json(ProvinceQuotas, "Summary") },
    }),
    async (c) => c.json(await getProvinceQuotas(actorOf(c), c.req.valid("param").year), 200),
  );
