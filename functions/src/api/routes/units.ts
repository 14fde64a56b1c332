import { OpenAPIHono, z } from "@hono/zod-openapi";
import { VersionInput } from "@thidua/core/edit/rules";
import {
  CreateUnitInput,
  createUnit,
  deleteUnit,
  getUnit,
  listUnits,
  setUnitArchived,
  Unit,
  UpdateUnitInput,
  updateUnit,
} from "@thidua/core/unit";
import { type AppEnv, actorOf } from "../context.ts";
import { boardOnly, body, defineRoute, json, pathParam, provinceReaders } from "../route.ts";

const unitIdParam = pathParam("unitId", "bao-an-giang");

/** The province's member units (tenant implicit from the token). */
export const unitRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/units",
      operationId: "listUnits",
      tags: ["units"],
      summary: "List the province's units in Vietnamese order; `q` ignores diacritics",
      request: { query: z.object({ q: z.string().max(100).optional() }) },
      responses: { 200: json(z.object({ items: z.array(Unit) }), "Units") },
    }),
    async (c) => c.json({ items: await listUnits(actorOf(c), c.req.valid("query").q) }, 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/units",
      operationId: "createUnit",
      tags: ["units"],
      summary: "Add a unit",
      request: { body: { required: true, content: { "application/json": { schema: CreateUnitInput } } } },
      responses: { 201: json(Unit, "Created") },
    }),
    async (c) => c.json(await createUnit(actorOf(c), c.req.valid("json")), 201),
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/units/{unitId}",
      operationId: "getUnit",
      tags: ["units"],
      summary: "Read a unit",
      request: { params: unitIdParam },
      responses: { 200: json(Unit, "The unit") },
    }),
    async (c) => c.json(await getUnit(actorOf(c), c.req.valid("param").unitId), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "patch",
      path: "/units/{unitId}",
      operationId: "updateUnit",
      tags: ["units"],
      summary: "Edit a unit or its discipline flags (send the version you read)",
      request: {
        params: unitIdParam,
        body: { required: true, content: { "application/json": { schema: UpdateUnitInput } } },
      },
      responses: { 200: json(Unit, "The updated unit") },
    }),
    async (c) => c.json(await updateUnit(actorOf(c), c.req.valid("param").unitId, c.req.valid("json")), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "delete",
      path: "/units/{unitId}",
      operationId: "deleteUnit",
      tags: ["units"],
      summary: "Delete a unit that was never a member nor has accounts (409 unit.in_use: archive it instead)",
      request: { params: unitIdParam, query: VersionInput },
      responses: { 204: { description: "Deleted, with its audit record" } },
    }),
    async (c) => {
      await deleteUnit(actorOf(c), c.req.valid("param").unitId, c.req.valid("query"));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/units/{unitId}/archive",
      operationId: "archiveUnit",
      tags: ["units"],
      summary: "Archive a unit: hidden from pickers, kept in the years it belonged to",
      request: { params: unitIdParam, body: body(VersionInput) },
      responses: { 200: json(Unit, "The archived unit") },
    }),
    async (c) => c.json(await setUnitArchived(actorOf(c), c.req.valid("param").unitId, c.req.valid("json"), true), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/units/{unitId}/restore",
      operationId: "restoreUnit",
      tags: ["units"],
      summary: "Restore an archived unit",
      request: { params: unitIdParam, body: body(VersionInput) },
      responses: { 200: json(Unit, "The restored unit") },
    }),
    async (c) =>
      c.json(await setUnitArchived(actorOf(c), c.req.valid("param").unitId, c.req.valid("json"), false), 200),
  );
