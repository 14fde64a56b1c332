import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  InvitePlatformAccountInput,
  invitePlatformAccount,
  listPlatformAccounts,
  PlatformAccount,
  resendPlatformInvitation,
  UpdatePlatformAccountInput,
  updatePlatformAccount,
} from "@thidua/core/account";
import { type AppEnv, actorOf, directoryOf } from "../context.ts";
import { body, defineRoute, json, pathParam } from "../route.ts";
import { InvitationResult } from "./accounts.ts";

const operator = { roles: ["operator"] } as const;
const userIdParam = pathParam("userId", "6f1d0c1e-8a43-4b7e-9f0a-2d3c4b5a6e7f");
const PlatformInvited = z.object({ account: PlatformAccount, invitation: InvitationResult }).openapi("PlatformInvited");

/** The platform's own people (operators and national viewers), managed by the operators. */
export const platformAccountRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(operator, {
      method: "get",
      path: "/platform/accounts",
      operationId: "listPlatformAccounts",
      tags: ["operator"],
      summary: "List the operators and national viewers, by name",
      responses: { 200: json(z.object({ items: z.array(PlatformAccount) }), "All of them") },
    }),
    async (c) => c.json({ items: await listPlatformAccounts(actorOf(c)) }, 200),
  )
  .openapi(
    defineRoute(operator, {
      method: "post",
      path: "/platform/accounts",
      operationId: "invitePlatformAccount",
      tags: ["operator"],
      summary: "Invite an operator or a national viewer; they set their password from the link",
      request: { body: body(InvitePlatformAccountInput) },
      responses: { 201: json(PlatformInvited, "Invited") },
    }),
    async (c) => c.json(await invitePlatformAccount(actorOf(c), c.req.valid("json"), directoryOf(c)), 201),
  )
  .openapi(
    defineRoute(operator, {
      method: "patch",
      path: "/platform/accounts/{userId}",
      operationId: "updatePlatformAccount",
      tags: ["operator"],
      summary: "Rename, change the role of, deactivate or reactivate (send the version you read)",
      request: { params: userIdParam, body: body(UpdatePlatformAccountInput) },
      responses: { 200: json(PlatformAccount, "The updated account") },
    }),
    async (c) =>
      c.json(
        await updatePlatformAccount(actorOf(c), c.req.valid("param").userId, c.req.valid("json"), directoryOf(c)),
        200,
      ),
  )
  .openapi(
    defineRoute(operator, {
      method: "post",
      path: "/platform/accounts/{userId}/invitation",
      operationId: "resendPlatformInvitation",
      tags: ["operator"],
      summary: "Send the invitation again: a new link, the old one stops working",
      request: { params: userIdParam },
      responses: { 200: json(PlatformInvited, "Sent again") },
    }),
    async (c) => c.json(await resendPlatformInvitation(actorOf(c), c.req.valid("param").userId, directoryOf(c)), 200),
  );
