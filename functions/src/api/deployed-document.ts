import type { Directory } from "@thidua/core/account";
import { createApp } from "./app.ts";

/**
 * The OpenAPI document as a deployment serves it (signed in through its identity provider, so without
 * the local `/auth/local` routes): what the linter checks and the integrators' client is generated from.
 * Building it touches no storage: the app is made with a verifier and a directory that are never called.
 */
export async function deployedDocument(): Promise<object> {
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
  return res.json();
}
