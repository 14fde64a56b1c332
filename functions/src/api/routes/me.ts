import { OpenAPIHono } from "@hono/zod-openapi";
import { Actor, roles } from "@thidua/core/actor";
import { type AppEnv, actorOf } from "../context.ts";
import { defineRoute } from "../route.ts";

export const meRoutes = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    { roles },
    {
      method: "get",
      path: "/me",
      tags: ["auth"],
      summary: "Who the caller is: role, province, unit",
      responses: { 200: { description: "The caller", content: { "application/json": { schema: Actor } } } },
    },
  ),
  (c) => c.json(actorOf(c), 200),
);
