import { OpenAPIHono, z } from "@hono/zod-openapi";
import { AuditQuery, AuditRecord, listAudit } from "@thidua/core/audit";
import { type AppEnv, actorOf } from "../context.ts";
import { defineRoute, json } from "../route.ts";

/** The province's audit trail: read-only, newest first. */
export const auditRoutes = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    { roles: ["board"] },
    {
      method: "get",
      path: "/audit",
      tags: ["audit"],
      summary: "List changes, filtered by entity, actor and date range",
      request: { query: AuditQuery },
      responses: {
        200: json(z.object({ items: z.array(AuditRecord), cursor: z.string().nullable() }), "A page of changes"),
      },
    },
  ),
  async (c) => c.json(await listAudit(actorOf(c), c.req.valid("query")), 200),
);
