import { OpenAPIHono, z } from "@hono/zod-openapi";
import { AuditQuery, AuditRecord, listAudit, listPlatformAudit } from "@thidua/core/audit";
import { type AppEnv, actorOf } from "../context.ts";
import { defineRoute, json } from "../route.ts";

const AuditPage = z.object({ items: z.array(AuditRecord), cursor: z.string().nullable() }).openapi("AuditPage");

/** The audit trails, read-only, newest first: a province's, and the operators' own. */
export const auditRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(
      { roles: ["board"] },
      {
        method: "get",
        path: "/audit",
        operationId: "listAuditRecords",
        tags: ["audit"],
        summary: "List the province's changes, filtered by entity, actor and date range",
        description: "With `entity=tenant`: what the platform's operators did to the province.",
        request: { query: AuditQuery },
        responses: { 200: json(AuditPage, "A page of changes") },
      },
    ),
    async (c) => c.json(await listAudit(actorOf(c), c.req.valid("query")), 200),
  )
  .openapi(
    defineRoute(
      { roles: ["operator"] },
      {
        method: "get",
        path: "/platform/audit",
        operationId: "listPlatformAuditRecords",
        tags: ["operator"],
        summary: "List the operators' actions on every province, newest first",
        request: { query: AuditQuery },
        responses: { 200: json(AuditPage, "A page of actions") },
      },
    ),
    async (c) => c.json(await listPlatformAudit(actorOf(c), c.req.valid("query")), 200),
  );
