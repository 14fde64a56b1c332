import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";

export type LogEntry = Record<string, unknown> & { level: "info" | "error"; msg: string };
export type Logger = (entry: LogEntry) => void;

/** One JSON line per line of output, so CloudWatch Logs Insights can query fields. */
export const jsonLogger: Logger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === "error") console.error(line);
  else console.log(line);
};

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
