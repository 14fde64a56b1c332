import { OpenAPIHono, z } from "@hono/zod-openapi";
import { Actor } from "@thidua/core/actor";
import { ErrorBody } from "@thidua/core/error";
import { authenticate, Credentials } from "@thidua/core/identity";
import { assertTenantOpen } from "@thidua/core/tenant";
import type { Context } from "hono";
import type { JSONWebKeySet } from "jose";
import type { SignInGuard } from "../../auth/sign-in-guard.ts";
import { clientAddress } from "../client-address.ts";
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

export interface LocalSignIn {
  issuer: TokenIssuer;
  /** Throttles attempts per account and per client. */
  guard: SignInGuard;
  /** Where a request comes from; the source address by default (see client-address.ts). */
  clientOf?: (c: Context) => string;
}

/** Sign-in against the built-in identity provider; mounted only by the local runtime (Cognito on AWS). */
export function localAuthRoutes({ issuer, guard, clientOf = clientAddress }: LocalSignIn) {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      defineRoute("public", {
        method: "post",
        path: "/auth/local/login",
        tags: ["auth"],
        summary: "Sign in with email and password (local identity provider)",
        request: { body: { required: true, content: { "application/json": { schema: Login } } } },
        responses: {
          200: { description: "A signed ID token", content: { "application/json": { schema: Session } } },
          429: {
            description: "Too many attempts on this account or from this client: try again after `Retry-After` seconds",
            headers: z.object({ "retry-after": z.string() }),
            content: { "application/json": { schema: ErrorBody } },
          },
        },
      }),
      async (c) => {
        const credentials = c.req.valid("json");
        const user = await guard.attempt(credentials.email, clientOf(c), () => authenticate(credentials));
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
