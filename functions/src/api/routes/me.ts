import { OpenAPIHono } from "@hono/zod-openapi";
import { roles } from "@thidua/core/actor";
import { getMe, Me } from "@thidua/core/session";
import { type AppEnv, actorOf } from "../context.ts";
import { defineRoute, json } from "../route.ts";

export const meRoutes = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    { roles },
    {
      method: "get",
      path: "/me",
      operationId: "getMe",
      tags: ["auth"],
      summary: "Who the caller is: role, province and unit, with their names",
      responses: { 200: json(Me, "The caller") },
    },
  ),
  async (c) => c.json(await getMe(actorOf(c)), 200),
);
