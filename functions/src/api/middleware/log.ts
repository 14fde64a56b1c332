import type { Logger } from "@thidua/core/log";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";

/** One structured line per request: request id, tenant, role, status, duration. */
export function accessLog(log: Logger) {
  return createMiddleware<AppEnv>(async function accessLog(c, next) {
    const started = performance.now();
    await next();
    const actor = c.get("actor");
    log({
      level: "info",
      msg: "request",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      tenant: actor?.tenantId,
      role: actor?.role,
    });
  });
}
