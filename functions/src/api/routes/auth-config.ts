import { OpenAPIHono } from "@hono/zod-openapi";
import { AuthConfig } from "@thidua/core/session/rules";
import type { AppEnv } from "../context.ts";
import { defineRoute, json } from "../route.ts";

export type { AuthConfig } from "@thidua/core/session/rules";

export const authConfigRoutes = (config: AuthConfig) =>
  new OpenAPIHono<AppEnv>().openapi(
    defineRoute("public", {
      method: "get",
      path: "/auth/config",
      operationId: "getAuthConfig",
      tags: ["auth"],
      summary: "How to sign in to this deployment",
      responses: { 200: json(AuthConfig, "Sign-in settings") },
    }),
    (c) => c.json(config, 200),
  );
