import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AccountView,
  getAccount,
  InviteAccountInput,
  inviteAccount,
  ListAccountsQuery,
  listAccounts,
  resendInvitation,
  UpdateAccountInput,
  updateAccount,
} from "@thidua/core/account";
import { type AppEnv, actorOf, directoryOf } from "../context.ts";
import { boardOnly, body, defineRoute, json, pathParam } from "../route.ts";

const userIdParam = pathParam("userId", "0b7c9c64-3f0e-4d55-9a8e-5f3f1c2a9d10");

/** What became of the invitation: locally the link (no mail is sent), on AWS whether Cognito took it. */
export const InvitationResult = z
  .object({ sent: z.boolean(), link: z.string().optional() })
  .openapi("InvitationResult");
export const Invited = z.object({ account: AccountView, invitation: InvitationResult }).openapi("Invited");
const AccountPage = z.object({ items: z.array(AccountView), cursor: z.string().nullable(), total: z.number().int() });

/** The province's people, managed by its board (the province comes from the token). */
export const accountRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(boardOnly, {
      method: "get",
      path: "/accounts",
      operationId: "listAccounts",
      tags: ["accounts"],
      summary: "List the province's people by name; filter by role, unit, status; `q` ignores diacritics",
      request: { query: ListAccountsQuery },
      responses: { 200: json(AccountPage, "A page of people, and the cursor to the next") },
    }),
    async (c) => c.json(await listAccounts(actorOf(c), c.req.valid("query")), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/accounts",
      operationId: "inviteAccount",
      refusals: ["account.unit_required", "account.blocs_council_only"],
      tags: ["accounts"],
      summary: "Invite a board member, council member or unit officer; they set their password from the link",
      request: { body: body(InviteAccountInput) },
      responses: { 201: json(Invited, "Invited") },
    }),
    async (c) => c.json(await inviteAccount(actorOf(c), c.req.valid("json"), directoryOf(c)), 201),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "get",
      path: "/accounts/{userId}",
      operationId: "getAccount",
      tags: ["accounts"],
      summary: "Read one person, with the blocs a council member follows",
      request: { params: userIdParam },
      responses: { 200: json(AccountView, "The person") },
    }),
    async (c) => c.json(await getAccount(actorOf(c), c.req.valid("param").userId), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "patch",
      path: "/accounts/{userId}",
      operationId: "updateAccount",
      refusals: ["account.unit_required", "account.blocs_council_only"],
      tags: ["accounts"],
      summary: "Change a person's name, role, unit, blocs, or deactivate and reactivate (send the version you read)",
      request: { params: userIdParam, body: body(UpdateAccountInput) },
      responses: { 200: json(AccountView, "The updated person") },
    }),
    async (c) =>
      c.json(await updateAccount(actorOf(c), c.req.valid("param").userId, c.req.valid("json"), directoryOf(c)), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/accounts/{userId}/invitation",
      operationId: "resendInvitation",
      tags: ["accounts"],
      summary: "Send the invitation again: a new link, the old one stops working",
      request: { params: userIdParam },
      responses: { 200: json(Invited, "Sent again") },
    }),
    async (c) => c.json(await resendInvitation(actorOf(c), c.req.valid("param").userId, directoryOf(c)), 200),
  );
