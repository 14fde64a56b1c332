import { OpenAPIHono, z } from "@hono/zod-openapi";
import { Actor } from "@thidua/core/actor";
import { authenticate, Credentials } from "@thidua/core/identity";
import { assertTenantOpen } from "@thidua/core/tenant";
import type { JSONWebKeySet } from "jose";
import type { AppEnv } from "../context.ts";
import { defineRoute } from "../route.ts";

/** What the local identity provider offers the API: signing, and its public keys. */
export interface TokenIssuer {
  issue(actor: Actor): Promise<string>;
  readonly jwks: JSONWebKeySet;
}

const Login = z
  .object({ email: z.string().openapi({ example: "bantdkt@an-giang.thidua.vn" }), password: z.string() })
  .pipe(Credentials);
const Session = z.object({ token: z.string(), user: Actor }).openapi("Session");
const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi("Jwks");

/** Sign-in against the built-in identity provider; mounted only by the local runtime (Cognito on AWS). */
export function localAuthRoutes(issuer: TokenIssuer) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      defineRoute("public", {
        method: "post",
        path: "/auth/local/login",
        tags: ["auth"],
        summary: "Sign in with email and password (local identity provider)",
        request: { body: { required: true, content: { "application/json": { schema: Login } } } },
        responses: { 200: { description: "A signed ID token", content: { "application/json": { schema: Session } } } },
      }),
      async (c) => {
        const user = await authenticate(c.req.valid("json"));
        await assertTenantOpen(user);
        return c.json({ token: await issuer.issue(user), user }, 200);
      },
    )
    .openapi(
      defineRoute("public", {
        method: "get",
        path: "/auth/local/jwks.json",
        tags: ["auth"],
        summary: "Public keys of the local identity provider",
        responses: { 200: { description: "JWKS", content: { "application/json": { schema: Jwks } } } },
      }),
      (c) => c.json({ keys: issuer.jwks.keys.map((k) => ({ ...k })) }, 200),
    );
}
