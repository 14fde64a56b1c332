import type { Directory } from "@thidua/core/account";
import type { Actor } from "@thidua/core/actor";
import { unauthenticated } from "@thidua/core/error";
import type { Context } from "hono";
import type { RequestIdVariables } from "hono/request-id";

export type AppEnv = { Variables: RequestIdVariables & { actor?: Actor; directory?: Directory } };

/** The verified caller; routes behind `authorize` always have one. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated("auth.required", "Sign in first");
  return actor;
}

/** The identity provider the account routes keep in step (Cognito on AWS, the built-in one locally). */
export function directoryOf(c: Context<AppEnv>): Directory {
  const directory = c.get("directory");
  if (!directory) throw new Error("No directory: createApp was given none");
  return directory;
}
