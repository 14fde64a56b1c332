import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { App } from "@thidua/functions/app";
import { Hono } from "hono";

/** Any spelling of the API's prefix (`/API/UNITS`, `//api/x`, `/api%2Fx`) is an unknown API route, never the dashboard. */
function isApiPath(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // not valid percent-encoding: judged as sent
  }
  return /^\/+api(\/|$)/i.test(decoded.replace(/\/+/g, "/"));
}
/** The dashboard's own routes have no file extension (and are no dotfiles): `/blocs/khoi-dang`, not `/.env`. */
export const isDashboardRoute = (path: string) => !(path.split("/").pop() ?? "").includes(".");

/**
 * Serves the API and, beside it, the built dashboard: its files, index.html for its routes, and a 404
 * page for anything else. Unknown API paths answer the API's JSON 404 in any spelling.
 */
export function serveLocal({ app, webRoot, port, host }: { app: App; webRoot: string; port: number; host: string }) {
  const root = new Hono();
  // The API reference is a page of the dashboard (its assets built in, no CDN); the old address leads there.
  root.get("/api/docs", (c) => c.redirect("/api-reference.html"));
  root.route("/", app);
  root.all("*", async (c, next) => {
    if (!isApiPath(c.req.path)) return next();
    return c.json({ error: { code: "route.not_found", message: `No route ${c.req.method} ${c.req.path}` } }, 404);
  });
  if (existsSync(join(webRoot, "index.html"))) {
    const notFoundPage = join(webRoot, "404.html");
    const notFound = existsSync(notFoundPage) ? readFileSync(notFoundPage, "utf8") : "Not found";
    root.use("/*", serveStatic({ root: webRoot }));
    const index = serveStatic({ root: webRoot, path: "index.html" });
    root.get("*", async (c, next) => {
      if (!isDashboardRoute(c.req.path)) return c.html(notFound, 404);
      return (await index(c, next)) ?? c.html(notFound, 404);
    });
  }
  return serve({ fetch: root.fetch, port, hostname: host });
}
