import { OpenAPIHono, z } from "@hono/zod-openapi";
import { Actor, roles } from "@thidua/core/actor";
import { ErrorBody, unauthenticated } from "@thidua/core/error";
import {
  authenticate,
  Credentials,
  changePassword,
  endSession,
  type LinkPurpose,
  type LocalDirectory,
  linkInfo,
  listOutbox,
  PasswordChange,
  passwordProblems,
  refreshedActor,
  usePasswordLink,
} from "@thidua/core/identity";
import { assertTenantOpen } from "@thidua/core/tenant";
import type { Context } from "hono";
import type { JSONWebKeySet } from "jose";
import type { SignInGuard } from "../../auth/sign-in-guard.ts";
import { clientAddress } from "../client-address.ts";
import { type AppEnv, actorOf } from "../context.ts";
import { body, defineRoute, json } from "../route.ts";

/** One sign-in's session: when it began (seconds), and its id. */
interface RefreshSession {
  authTime: number;
  sid: string;
}

/** What the local identity provider offers the API: signing, refresh tokens, and its public keys. */
export interface TokenIssuer {
  issue(actor: Actor): Promise<string>;
  issueRefresh(actor: Actor, session?: RefreshSession): Promise<string>;
  readRefresh(
    token: string,
  ): Promise<(RefreshSession & { userId: string; email: string; issuedAtMs: number }) | undefined>;
  readonly jwks: JSONWebKeySet;
}

/** As the document shows it (an email, a password that is not empty); Credentials then lowercases the email. */
const Login = z
  .object({
    email: Credentials.shape.email.meta({ example: "bantdkt@an-giang.thidua.local" }),
    password: z.string().min(1).max(400),
  })
  .pipe(Credentials);
const Session = z
  .object({
    token: z.string().openapi({ description: "The ID token: the bearer token of every call, for 15 minutes" }),
    refreshToken: z.string().openapi({ description: "Renews the token until the session's 12 hours are over" }),
    user: Actor,
  })
  .openapi("Session");
const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi("Jwks");
const LinkToken = z.object({ token: z.string().max(600) });
const UseLink = LinkToken.extend({ password: z.string().max(400) });
const LinkInfo = z.object({ email: z.string(), name: z.string(), expiresAt: z.string() }).openapi("LinkInfo");
const Outbox = z.object({
  items: z.array(
    z.object({
      messageId: z.string(),
      at: z.string(),
      to: z.string(),
      name: z.string(),
      purpose: z.enum(["invitation", "reset"]),
      link: z.string(),
      expiresAt: z.string(),
    }),
  ),
});
const throttledResponse = {
  description: "Too many attempts on this account or from this client: try again after `Retry-After` seconds",
  headers: z.object({ "retry-after": z.string() }),
  content: { "application/json": { schema: ErrorBody } },
};

export interface LocalSignIn {
  issuer: TokenIssuer;
  /** Throttles attempts per account and per client. */
  guard: SignInGuard;
  /** The built-in identity provider's people: invitations, resets and the outbox. */
  directory: LocalDirectory;
  /** Where a request comes from; the source address by default (see client-address.ts). */
  clientOf?: (c: Context) => string;
}

/**
 * Sign-in and passwords against the built-in identity provider; mounted only by the local runtime (on AWS
 * the dashboard talks to Cognito for all of these).
 */
export function localAuthRoutes({ issuer, guard, directory, clientOf = clientAddress }: LocalSignIn) {
  /** A new session for someone whose province is open; a renewal's refresh token carries on its session. */
  const session = async (user: Actor, continued?: RefreshSession) => {
    await assertTenantOpen(user);
    return { token: await issuer.issue(user), refreshToken: await issuer.issueRefresh(user, continued), user };
  };
  /** Tries on one link (its token starts with the address it is for) count apart from other links. */
  const linkKey = (purpose: LinkPurpose, token: string) => `link:${purpose}:${token.split(".")[0]}`;
  const linkRoutes = <const P extends string>(
    purpose: LinkPurpose,
    path: P,
    what: string,
    operationIds: { inspect: string; use: string },
  ) =>
    new OpenAPIHono<AppEnv>()
      .openapi(
        defineRoute("public", {
          method: "post",
          path: `/auth/local/${path}/inspect` as const,
          operationId: operationIds.inspect,
          refusals: ["link.expired", "link.used"],
          tags: ["auth"],
          summary: `Whom ${what} link is for, and until when (a used, expired or unknown link answers why)`,
          request: { body: body(LinkToken) },
          responses: { 200: json(LinkInfo, "The link is good"), 429: throttledResponse },
        }),
        async (c) => {
          const { token } = c.req.valid("json");
          return c.json(await guard.attempt(linkKey(purpose, token), clientOf(c), () => linkInfo(token, purpose)), 200);
        },
      )
      .openapi(
        defineRoute("public", {
          method: "post",
          path: `/auth/local/${path}` as const,
          operationId: operationIds.use,
          refusals: ["link.expired", "link.used", ...passwordProblems],
          tags: ["auth"],
          summary: `Set the password from ${what} link, once; answers a signed-in session`,
          request: { body: body(UseLink) },
          responses: { 200: json(Session, "Password set, signed in"), 429: throttledResponse },
        }),
        async (c) => {
          const input = c.req.valid("json");
          const use = () => usePasswordLink(input, purpose);
          const user = await guard.attempt(linkKey(purpose, input.token), clientOf(c), use);
          return c.json(await session(user), 200);
        },
      );

  return new OpenAPIHono<AppEnv>()
    .openapi(
      defineRoute("public", {
        method: "post",
        path: "/auth/local/login",
        operationId: "signIn",
        tags: ["auth"],
        summary: "Sign in with email and password (local identity provider)",
        request: { body: body(Login) },
        responses: { 200: json(Session, "A signed ID token and a refresh token"), 429: throttledResponse },
      }),
      async (c) => {
        const credentials = c.req.valid("json");
        const user = await guard.attempt(credentials.email, clientOf(c), () => authenticate(credentials));
        return c.json(await session(user), 200);
      },
    )
    .openapi(
      defineRoute("public", {
        method: "post",
        path: "/auth/local/refresh",
        operationId: "refreshSession",
        tags: ["auth"],
        summary: "A new ID token for a session still open, with the account's current role and unit",
        request: { body: body(z.object({ refreshToken: z.string().max(4000) })) },
        responses: { 200: json(Session, "Renewed") },
      }),
      async (c) => {
        const claims = await issuer.readRefresh(c.req.valid("json").refreshToken);
        if (!claims) throw unauthenticated("auth.session_ended", "The session has ended; sign in again");
        return c.json(await session(await refreshedActor(claims), claims), 200);
      },
    )
    .openapi(
      defineRoute("public", {
        method: "post",
        path: "/auth/local/sign-out",
        operationId: "signOut",
        tags: ["auth"],
        summary: "End the session a refresh token belongs to (its other refresh tokens too); other sessions go on",
        request: { body: body(z.object({ refreshToken: z.string().max(4000) })) },
        responses: { 204: { description: "Ended, or nothing to end" } },
      }),
      async (c) => {
        const claims = await issuer.readRefresh(c.req.valid("json").refreshToken);
        if (claims) await endSession(claims);
        return c.body(null, 204);
      },
    )
    .route(
      "/",
      linkRoutes("invitation", "invitation", "an invitation", {
        inspect: "inspectInvitation",
        use: "acceptInvitation",
      }),
    )
    .route(
      "/",
      linkRoutes("reset", "password-reset", "a password reset", {
        inspect: "inspectPasswordReset",
        use: "resetPassword",
      }),
    )
    .openapi(
      defineRoute("public", {
        method: "post",
        path: "/auth/local/password-reset/request",
        operationId: "requestPasswordReset",
        tags: ["auth"],
        summary: "Mail a password reset link to an account's address (accepted whether or not it has one)",
        request: { body: body(Credentials.pick({ email: true })) },
        responses: {
          202: json(z.object({ accepted: z.literal(true) }), "If the account exists, a link is on its way"),
          429: throttledResponse,
        },
      }),
      async (c) => {
        const { email } = c.req.valid("json");
        await guard.attempt(`reset:${email}`, clientOf(c), () => directory.requestPasswordReset(email));
        return c.json({ accepted: true as const }, 202);
      },
    )
    .openapi(
      defineRoute(
        { roles },
        {
          method: "post",
          path: "/auth/local/password",
          operationId: "changePassword",
          refusals: [...passwordProblems, "password.wrong_current", "password.same_as_current"],
          tags: ["auth"],
          summary: "Change your own password (the current one required); other sessions end",
          request: { body: body(PasswordChange) },
          responses: { 200: json(Session, "Changed; a new session"), 429: throttledResponse },
        },
      ),
      async (c) => {
        const actor = actorOf(c);
        const input = c.req.valid("json");
        const user = await guard.attempt(actor.email, clientOf(c), () => changePassword(actor, input));
        return c.json(await session(user), 200);
      },
    )
    .openapi(
      defineRoute(
        { roles: ["operator"] },
        {
          method: "get",
          path: "/auth/local/outbox",
          operationId: "listOutbox",
          tags: ["auth"],
          summary: "What the local identity provider would have mailed, newest first (local runtime only)",
          responses: { 200: json(Outbox, "The latest messages") },
        },
      ),
      async (c) => c.json({ items: await listOutbox(actorOf(c)) }, 200),
    )
    .openapi(
      defineRoute("public", {
        method: "get",
        path: "/auth/local/jwks.json",
        operationId: "getLocalJwks",
        tags: ["auth"],
        summary: "Public keys of the local identity provider",
        responses: { 200: { description: "JWKS", content: { "application/json": { schema: Jwks } } } },
      }),
      (c) => c.json({ keys: issuer.jwks.keys.map((k) => ({ ...k })) }, 200),
    );
}
