import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { App } from "@thidua/functions/app";
import { Hono } from "hono";

/** Serves the API and, beside it, the built dashboard (any other path falls back to index.html). */
export function serveLocal({ app, webRoot, port, host }: { app: App; webRoot: string; port: number; host: string }) {
  const root = new Hono();
  root.route("/", app);
  if (existsSync(join(webRoot, "index.html"))) {
    root.use("/*", serveStatic({ root: webRoot }));
    root.get("*", serveStatic({ root: webRoot, path: "index.html" }));
  }
  return serve({ fetch: root.fetch, port, hostname: host });
}
