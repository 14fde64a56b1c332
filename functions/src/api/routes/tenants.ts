import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  CreateTenantInput,
  createTenant,
  getTenant,
  listTenants,
  Tenant,
  UpdateTenantInput,
  updateTenant,
} from "@thidua/core/tenant";
import { type AppEnv, actorOf } from "../context.ts";
import { defineRoute, json, tenantIdParam } from "../route.ts";

const TenantSchema = Tenant;
const readers = { roles: ["operator", "national"] } as const;
const operator = { roles: ["operator"] } as const;

/** The operator's registry of provinces. The only routes that name a tenant. */
export const tenantRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(readers, {
      method: "get",
      path: "/tenants",
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
      tags: ["operator"],
      summary: "Onboard a province",
      request: { body: { required: true, content: { "application/json": { schema: CreateTenantInput } } } },
      responses: { 201: json(TenantSchema, "Created") },
    }),
    async (c) => c.json(await createTenant(actorOf(c), c.req.valid("json")), 201),
  )
  .openapi(
    defineRoute(readers, {
      method: "get",
      path: "/tenants/{tenantId}",
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
