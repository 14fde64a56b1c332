import { OpenAPIHono, z } from "@hono/zod-openapi";
import { getBlocRules, updateBlocRules } from "@thidua/core/bloc";
import { getProvinceRules, RuleOverride, RuleSet, UpdateRulesInput, updateProvinceRules } from "@thidua/core/rules";
import { type AppEnv, actorOf } from "../context.ts";
import { blocIdParam, boardOnly, body, defineRoute, json, provinceReaders } from "../route.ts";

const RulesView = z.object({ rules: RuleSet, override: RuleOverride, version: z.number().int() }).openapi("RulesView");

/** The province's rules, and each bloc's overrides of them. */
export const ruleRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/rules",
      operationId: "getProvinceRules",
      tags: ["rules"],
      summary: "The province's rules (defaults with its overrides)",
      responses: { 200: json(RulesView, "Rules") },
    }),
    async (c) => c.json(await getProvinceRules(actorOf(c)), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "put",
      path: "/rules",
      operationId: "setProvinceRules",
      tags: ["rules"],
      summary: "Replace the province's overrides (send the version you read)",
      request: { body: body(UpdateRulesInput) },
      responses: { 200: json(RulesView, "Rules") },
    }),
    async (c) => c.json(await updateProvinceRules(actorOf(c), c.req.valid("json")), 200),
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/blocs/{blocId}/rules",
      operationId: "getBlocRules",
      tags: ["rules"],
      summary: "The rules in force for one bloc (province rules with the bloc's overrides)",
      request: { params: blocIdParam },
      responses: { 200: json(RulesView, "Rules") },
    }),
    async (c) => c.json(await getBlocRules(actorOf(c), c.req.valid("param").blocId), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "put",
      path: "/blocs/{blocId}/rules",
      operationId: "setBlocRules",
      tags: ["rules"],
      summary: "Replace one bloc's overrides",
      request: { params: blocIdParam, body: body(UpdateRulesInput) },
      responses: { 200: json(RulesView, "Rules") },
    }),
    async (c) => c.json(await updateBlocRules(actorOf(c), c.req.valid("param").blocId, c.req.valid("json")), 200),
  );
