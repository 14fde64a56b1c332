import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testApp } from "@thidua/test/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./dynamo.ts";
import { serveLocal } from "./server.ts";

const webRoot = mkdtempSync(join(tmpdir(), "thidua-dist-"));
mkdirSync(join(webRoot, "assets"));
writeFileSync(join(webRoot, "index.html"), "<title>dashboard</title>");
writeFileSync(join(webRoot, "404.html"), "<title>not found</title>");
writeFileSync(join(webRoot, "assets", "app.js"), "console.log(1)");

let server: ReturnType<typeof serveLocal>;
let base = "";
beforeAll(async () => {
  server = serveLocal({ app: await testApp(), webRoot, port: await freePort(), host: "127.0.0.1" });
  if (!server.listening) await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(webRoot, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
};

describe("the local server", () => {
  it("serves the dashboard for its routes and its files as they are", async () => {
    for (const path of ["/", "/blocs", "/blocs/khoi-cac-co-quan-dang"])
      expect(await get(path), path).toMatchObject({ status: 200, text: "<title>dashboard</title>" });
    expect(await get("/assets/app.js")).toMatchObject({ status: 200, text: "console.log(1)" });
  });

  it("answers 404 for a file that is not there, dotfiles included, never with the dashboard", async () => {
    for (const path of ["/.env", "/assets/missing.js", "/favicon.ico", "/wp-login.php"])
      expect(await get(path), path).toMatchObject({ status: 404, text: "<title>not found</title>" });
  });

  it("answers the API's JSON 404 for an unknown API path, in any spelling", async () => {
    for (const path of ["/api/nowhere", "/API/UNITS", "/Api", "//api/units", "/api%2Funits"]) {
      const res = await get(path);
      expect([res.status, res.type], path).toEqual([404, expect.stringContaining("application/json")]);
      expect(JSON.parse(res.text).error.code).toBe("route.not_found");
    }
  });
});
