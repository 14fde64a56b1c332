import type { Actor } from "@thidua/core/actor";
import { createLocalDirectory } from "@thidua/core/identity";
import { createApp } from "@thidua/functions/app";
import { createVerifier } from "@thidua/functions/auth";
import { createLocalIdp, type LocalIdp } from "@thidua/local/idp";

export interface BenchApp {
  idp: LocalIdp;
  /** Calls the app in process as `actor`, with a really signed token; the answer's body is read, not parsed. */
  call(actor: Actor, path: string, method?: string, body?: unknown): Promise<{ status: number; text: string }>;
}

/**
 * The API as the local runtime builds it (packages/local/src/runtime.ts), without the parts no measured
 * page uses: sign-in by password, documents and files.
 */
export async function benchApp(): Promise<BenchApp> {
  const idp = await createLocalIdp({ issuer: "thidua-bench" });
  const app = createApp({
    verify: createVerifier({ issuer: idp.issuer, audience: idp.audience, keys: idp.keys }),
    directory: createLocalDirectory({ baseUrl: "http://127.0.0.1", invitationHours: 72 }),
    authConfig: { provider: "local" },
    log: () => {},
  });
  // One token per actor, as a browser keeps its token for a quarter of an hour.
  const tokens = new Map<string, string>();
  const tokenOf = async (actor: Actor) => {
    let token = tokens.get(actor.userId);
    if (!token) {
      token = await idp.issue(actor);
      tokens.set(actor.userId, token);
    }
    return token;
  };
  return {
    idp,
    async call(actor, path, method = "GET", body) {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${await tokenOf(actor)}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, text: await res.text() };
    },
  };
}
