import { OpenAPIHono, z } from "@hono/zod-openapi";
import { Role } from "@thidua/core/actor";
import type { AppEnv } from "../context.ts";
import { defineRoute } from "../route.ts";

/** How the dashboard signs in: the built-in provider (with demo accounts listed) or Cognito. */
export const AuthConfig = z
  .discriminatedUnion("provider", [
    z.object({
      provider: z.literal("local"),
      demo: z
        .object({
          password: z.string(),
          accounts: z.array(
            z.object({ email: z.string(), name: z.string(), role: Role, tenantId: z.string().optional() }),
          ),
        })
        .optional(),
    }),
    z.object({
      provider: z.literal("cognito"),
      region: z.string(),
      userPoolId: z.string(),
      clientId: z.string(),
    }),
  ])
  .openapi("AuthConfig");
export type AuthConfig = z.infer<typeof AuthConfig>;

export const authConfigRoutes = (config: AuthConfig) =>
  new OpenAPIHono<AppEnv>().openapi(
    defineRoute("public", {
      method: "get",
      path: "/auth/config",
      tags: ["auth"],
      summary: "How to sign in to this deployment",
      responses: { 200: { description: "Sign-in settings", content: { "application/json": { schema: AuthConfig } } } },
    }),
    (c) => c.json(config, 200),
  );
