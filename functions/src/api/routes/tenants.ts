import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AccountView,
  BoardAccountInput,
  inviteBoardAccount,
  OnboardProvinceInput,
  onboardProvince,
} from "@thidua/core/account";
import { getTenant, listTenants, Tenant, UpdateTenantInput, updateTenant } from "@thidua/core/tenant";
import { type AppEnv, actorOf, directoryOf } from "../context.ts";
import { body, defineRoute, json, tenantIdParam } from "../route.ts";
import { InvitationResult, Invited } from "./accounts.ts";

const TenantSchema = Tenant;
const readers = { roles: ["operator", "national"] } as const;
const operator = { roles: ["operator"] } as const;

/** The operator's registry of provinces. The only routes that name a tenant. */
export const tenantRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(readers, {
      method: "get",
      path: "/tenants",
      operationId: "listTenants",
      tags: ["operator"],
      summary: "List provinces, in Vietnamese order",
      responses: { 200: json(z.object({ items: z.array(TenantSchema) }), "All provinces") },
    }),
    async (c) => c.json({ items: await listTenants(actorOf(c)) }, 200),
  )
  .openapi(
    defineRoute(operator, {
      method: "post",
      path: "/tenants",
      operationId: "onboardTenant",
      tags: ["operator"],
      summary: "Onboard a province with its first board member, who is invited at once",
      request: { body: body(OnboardProvinceInput) },
      responses: {
        201: json(
          z.object({ tenant: TenantSchema, board: AccountView, invitation: InvitationResult }),
          "The province, its first board account and what became of the invitation",
        ),
      },
    }),
    async (c) => c.json(await onboardProvince(actorOf(c), c.req.valid("json"), directoryOf(c)), 201),
  )
  .openapi(
    defineRoute(operator, {
      method: "post",
      path: "/tenants/{tenantId}/accounts",
      operationId: "addBoardAccount",
      tags: ["operator"],
      summary: "Add a board account to a province (the board manages its other people)",
      request: { params: tenantIdParam, body: body(BoardAccountInput) },
      responses: { 201: json(Invited, "Invited") },
    }),
    async (c) =>
      c.json(
        await inviteBoardAccount(actorOf(c), c.req.valid("param").tenantId, c.req.valid("json"), directoryOf(c)),
        201,
      ),
  )
  .openapi(
    defineRoute(readers, {
      method: "get",
      path: "/tenants/{tenantId}",
      operationId: "getTenant",
      tags: ["operator"],
      summary: "Read one province",
      request: { params: tenantIdParam },
      responses: { 200: json(TenantSchema, "The province") },
    }),
    async (c) => c.json(await getTenant(actorOf(c), c.req.valid("param").tenantId), 200),
  )
  .openapi(
    defineRoute(operator, {
      method: "patch",
      path: "/tenants/{tenantId}",
      operationId: "updateTenant",
      tags: ["operator"],
      summary: "Rename, suspend or resume a province (send the version you read)",
      request: {
        params: tenantIdParam,
        body: { required: true, content: { "application/json": { schema: UpdateTenantInput } } },
      },
      responses: { 200: json(TenantSchema, "The updated province") },
    }),
    async (c) => c.json(await updateTenant(actorOf(c), c.req.valid("param").tenantId, c.req.valid("json")), 200),
  );
