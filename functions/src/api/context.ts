import type { Actor } from "@thidua/core/actor";
import { unauthenticated } from "@thidua/core/error";
import type { Context } from "hono";
import type { RequestIdVariables } from "hono/request-id";

export type AppEnv = { Variables: RequestIdVariables & { actor?: Actor } };

/** The verified caller; routes behind `authorize` always have one. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated("auth.required", "Sign in first");
  return actor;
}
