import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  CriteriaVersion,
  CriteriaView,
  getCriteria,
  getCriteriaVersion,
  SaveCriteriaInput,
  saveCriteria,
} from "@thidua/core/criteria";
import { type AppEnv, actorOf } from "../context.ts";
import { blocIdParam, boardOnly, body, defineRoute, json, provinceReaders } from "../route.ts";

const versionParams = blocIdParam.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(999_999)
    .openapi({ param: { name: "version", in: "path" }, example: 1 }),
});

/** Each bloc's criteria table (tiêu chí, thang điểm), versioned: a save is a new version. */
export const criteriaRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/blocs/{blocId}/criteria",
      operationId: "getBlocCriteria",
      tags: ["criteria"],
      summary: "The bloc's current criteria table and the scale it must fit (version 0, table null when none)",
      request: { params: blocIdParam },
      responses: { 200: json(CriteriaView, "The current table") },
    }),
    async (c) => c.json(await getCriteria(actorOf(c), c.req.valid("param").blocId), 200),
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/blocs/{blocId}/criteria/versions/{version}",
      operationId: "getBlocCriteriaVersion",
      tags: ["criteria"],
      summary: "One saved version of the bloc's criteria table",
      request: { params: versionParams },
      responses: { 200: json(CriteriaVersion, "The version") },
    }),
    async (c) => {
      const { blocId, version } = c.req.valid("param");
      return c.json(await getCriteriaVersion(actorOf(c), blocId, version), 200);
    },
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "put",
      path: "/blocs/{blocId}/criteria",
      operationId: "saveBlocCriteria",
      refusals: ["criteria.invalid", "criteria.too_large"],
      tags: ["criteria"],
      summary:
        "Save a new version of the table (send the version you read as baseVersion); it must add up to the scale",
      request: { params: blocIdParam, body: body(SaveCriteriaInput) },
      responses: { 200: json(CriteriaView, "The saved table") },
    }),
    async (c) => c.json(await saveCriteria(actorOf(c), c.req.valid("param").blocId, c.req.valid("json")), 200),
  );
