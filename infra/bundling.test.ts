import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundleFunction } from "./bundling.ts";
import { httpEvent } from "./http-event.ts";

const out = mkdtempSync(join(tmpdir(), "thidua-bundle-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the API function as SST bundles it", () => {
  it("loads split into chunks, answers, and keeps exceljs, rare SDK clients and zod's other locales off the cold start", async () => {
    const bundle = await bundleFunction("api", join(out, "api"));
    // What few requests need loads on use: the Excel import, the Cognito and Lambda clients.
    for (const rare of ["node_modules/exceljs/", "client-cognito-identity-provider/", "client-lambda/"])
      expect(
        bundle.coldInputs.filter((input) => input.includes(rare)),
        rare,
      ).toEqual([]);
    // Indonesian is one of zod's locales (an ASCII phrase: esbuild escapes other letters); none but English is bundled.
    const files = readdirSync(join(out, "api")).map((file) => readFileSync(join(out, "api", file), "utf8"));
    expect(files.some((text) => text.includes("Input tidak valid"))).toBe(false);
    const env = {
      FILES_BUCKET: "thidua-files-test",
      AUTH_ISSUER: "https://issuer.thidua.test",
      AUTH_AUDIENCE: "dashboard",
      AUTH_JWKS_URL: "https://issuer.thidua.test/jwks.json",
      COGNITO_USER_POOL_ID: "ap-southeast-1_test",
    };
    Object.assign(process.env, env);
    try {
      const { handler } = await import(pathToFileURL(bundle.entry).href);
      const health = await handler(httpEvent("GET", "/api/health"), {});
      expect(health.statusCode).toBe(200);
      const doc = JSON.parse((await handler(httpEvent("GET", "/api/openapi.json"), {})).body);
      expect(doc.paths["/api/units"]).toBeDefined();
      const unsigned = await handler(httpEvent("GET", "/api/units"), {});
      expect(unsigned.statusCode).toBe(401);
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
    }
  });
});
