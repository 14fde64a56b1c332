import { OpenAPIHono } from "@hono/zod-openapi";
import { roles } from "@thidua/core/actor";
import { Me } from "@thidua/core/session";
import { findTenant } from "@thidua/core/tenant";
import { getUnit } from "@thidua/core/unit";
import { type AppEnv, actorOf } from "../context.ts";
import { defineRoute, json } from "../route.ts";

export const meRoutes = new OpenAPIHono<AppEnv>().openapi(
  defineRoute(
    { roles },
    {
      method: "get",
      path: "/me",
      tags: ["auth"],
      summary: "Who the caller is: role, province and unit, with their names",
      responses: { 200: json(Me, "The caller") },
    },
  ),
  async (c) => {
    const actor = actorOf(c);
    const [tenant, unit] = await Promise.all([
      actor.tenantId ? findTenant(actor.tenantId) : undefined,
      actor.unitId ? getUnit(actor, actor.unitId).catch(() => undefined) : undefined,
    ]);
    return c.json({ ...actor, tenantName: tenant?.name, unitName: unit?.name }, 200);
  },
);
