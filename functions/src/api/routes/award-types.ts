import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AwardType,
  CreateAwardTypeInput,
  createAwardType,
  deleteAwardType,
  listAwardTypes,
  UpdateAwardTypeInput,
  updateAwardType,
} from "@thidua/core/award";
import { VersionInput } from "@thidua/core/edit/rules";
import { type AppEnv, actorOf } from "../context.ts";
import { boardOnly, body, defineRoute, json, pathParam, provinceReaders } from "../route.ts";

const awardTypeIdParam = pathParam("awardTypeId", "provincial-flag");

/** The province's award types: built-in defaults, the board's edits of them and its own additions. */
export const awardTypeRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/award-types",
      operationId: "listAwardTypes",
      tags: ["award types"],
      summary: "The province's award types (defaults included), by order then Vietnamese name",
      responses: { 200: json(z.object({ items: z.array(AwardType) }), "Award types") },
    }),
    async (c) => c.json({ items: await listAwardTypes(actorOf(c)) }, 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/award-types",
      operationId: "createAwardType",
      refusals: ["award_type.prerequisite_twice", "award_type.invalid_prerequisites"],
      tags: ["award types"],
      summary: "Add an award type; its id is made from the name",
      request: { body: body(CreateAwardTypeInput) },
      responses: { 201: json(AwardType, "Created") },
    }),
    async (c) => c.json(await createAwardType(actorOf(c), c.req.valid("json")), 201),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "patch",
      path: "/award-types/{awardTypeId}",
      operationId: "updateAwardType",
      refusals: ["award_type.prerequisite_twice", "award_type.invalid_prerequisites", "award_type.required_by"],
      tags: ["award types"],
      summary: "Edit an award type (version 0 edits an untouched default)",
      request: { params: awardTypeIdParam, body: body(UpdateAwardTypeInput) },
      responses: { 200: json(AwardType, "The updated award type") },
    }),
    async (c) => c.json(await updateAwardType(actorOf(c), c.req.valid("param").awardTypeId, c.req.valid("json")), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "delete",
      path: "/award-types/{awardTypeId}",
      operationId: "deleteAwardType",
      tags: ["award types"],
      summary: "Delete an award type of the province's own that nothing names (409 otherwise: deactivate it)",
      request: { params: awardTypeIdParam, query: VersionInput },
      responses: { 204: { description: "Deleted, with its audit record" } },
    }),
    async (c) => {
      await deleteAwardType(actorOf(c), c.req.valid("param").awardTypeId, c.req.valid("query"));
      return c.body(null, 204);
    },
  );
