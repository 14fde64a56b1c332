import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Directory } from "@thidua/core/account";
import { createApp } from "../src/api/app.ts";

/**
 * Writes the API's OpenAPI document, as `GET /api/openapi.json` serves it, to the path given: for the
 * OpenAPI linter (`npm run lint`) and for generating clients. Building it touches no storage: the app
 * is made with a verifier and a directory that are never called.
 */
const [out] = process.argv.slice(2);
if (!out) throw new Error("Usage: tsx functions/scripts/openapi-document.ts <out.json>");

const never = () => Promise.reject(new Error("Not called while writing the document"));
const directory = new Proxy({ kind: "local" }, { get: (target, key) => (key === "kind" ? target.kind : never) });
const app = createApp({
  verify: never,
  directory: directory as Directory,
  authConfig: { provider: "local" },
  log: () => {},
});
const res = await app.request("/api/openapi.json");
if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(await res.json(), null, 2)}\n`);
