import type { Role } from "@thidua/core/actor";
import { forbidden } from "@thidua/core/error";
import { assertTenantOpen } from "@thidua/core/tenant";
import { createMiddleware } from "hono/factory";
import { type AppEnv, actorOf } from "../context.ts";

/** Lets through only signed-in actors of the given roles whose province is active. */
export function authorize(roles: readonly Role[]) {
  return createMiddleware<AppEnv>(async function authorize(c, next) {
    const actor = actorOf(c);
    if (!roles.includes(actor.role)) throw forbidden("auth.forbidden_role", "Your role cannot do this");
    await assertTenantOpen(actor);
    await next();
  });
}
