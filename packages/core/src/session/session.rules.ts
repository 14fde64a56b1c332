import { z } from "zod";
import { Actor, Role } from "../actor.ts";

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
  .meta({ id: "AuthConfig" });
export type AuthConfig = z.infer<typeof AuthConfig>;

/** The caller as `GET /api/me` answers: the Actor plus the names of its province and unit. */
export const Me = Actor.extend({
  tenantName: z.string().optional(),
  unitName: z.string().optional(),
}).meta({ id: "Me" });
export type Me = z.infer<typeof Me>;
