import { OpenAPIHono } from "@hono/zod-openapi";
import { getLetterhead, LetterheadSettings, SaveLetterheadInput, saveLetterhead } from "@thidua/core/document";
import { type AppEnv, actorOf } from "../context.ts";
import { boardOnly, body, defineRoute, json } from "../route.ts";

/** The province's letterhead, which every document it issues carries (set by its board). */
export const letterheadRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(boardOnly, {
      method: "get",
      path: "/letterhead",
      operationId: "getLetterhead",
      tags: ["documents"],
      summary: "The province's letterhead (null until the board sets it), with a suggestion to start from",
      responses: { 200: json(LetterheadSettings, "The letterhead") },
    }),
    async (c) => c.json(await getLetterhead(actorOf(c)), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "put",
      path: "/letterhead",
      operationId: "setLetterhead",
      refusals: ["letterhead.number_without_n", "letterhead.number_symbol", "letterhead.authority_prefix"],
      tags: ["documents"],
      summary: "Save the province's letterhead (send the version you read, 0 the first time)",
      request: { body: body(SaveLetterheadInput) },
      responses: { 200: json(LetterheadSettings, "The letterhead") },
    }),
    async (c) => c.json(await saveLetterhead(actorOf(c), c.req.valid("json")), 200),
  );
