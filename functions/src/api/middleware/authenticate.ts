import { unauthenticated } from "@thidua/core/error";
import { createMiddleware } from "hono/factory";
import type { Verifier } from "../../auth/verifier.ts";
import type { AppEnv } from "../context.ts";

/**
 * Verifies a bearer token when one is sent and puts its Actor on the context.
 * A missing token is not an error here: `authorize` decides per route.
 */
export function authenticate(verify: Verifier) {
  return createMiddleware<AppEnv>(async function authenticate(c, next) {
    const header = c.req.header("authorization");
    if (header) {
      const [scheme, token] = header.split(" ");
      if (scheme?.toLowerCase() !== "bearer" || !token) {
        throw unauthenticated("auth.invalid_token", "Expected 'Authorization: Bearer <token>'");
      }
      c.set("actor", await verify(token));
    }
    await next();
  });
}
