import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { defineRoute } from "../route.ts";

const Health = z.object({ status: z.literal("ok"), time: z.string() }).openapi("Health");

export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(
  defineRoute("public", {
    method: "get",
    path: "/health",
    operationId: "getHealth",
    tags: ["platform"],
    summary: "Liveness check",
    responses: { 200: { description: "The API answers", content: { "application/json": { schema: Health } } } },
  }),
  (c) => c.json({ status: "ok" as const, time: new Date().toISOString() }, 200),
);
