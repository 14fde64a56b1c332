import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  BlocQuotas,
  getProvinceQuotas,
  getQuotas,
  ProvinceQuotas,
  SetQuotasInput,
  setQuotas,
} from "@thidua/core/quota";
import { type AppEnv, actorOf } from "../context.ts";
import { body, defineRoute, json, pathParam } from "../route.ts";

const readers = { roles: ["board", "council", "unit"] } as const;
const board = { roles: ["board"] } as const;
const yearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: "year", in: "path" }, example: 2025 }),
});
const blocYearParams = pathParam("blocId", "khoi-cac-co-quan-dang").extend(yearParam.shape);

/** Award quotas per bloc and year, and the province's summary of a year. */
export const quotaRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(readers, {
      method: "get",
      path: "/blocs/{blocId}/years/{year}/quotas",
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
    defineRoute(board, {
      method: "put",
      path: "/blocs/{blocId}/years/{year}/quotas",
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
    defineRoute(board, {
      method: "get",
      path: "/years/{year}/quotas",
      tags: ["quotas"],
      summary: "The province's quotas for a year: per bloc, totals, and the government-flag cap",
      request: { params: yearParam },
      responses: { 200: json(ProvinceQuotas, "Summary") },
    }),
    async (c) => c.json(await getProvinceQuotas(actorOf(c), c.req.valid("param").year), 200),
  );
