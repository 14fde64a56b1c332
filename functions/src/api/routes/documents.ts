import { OpenAPIHono } from "@hono/zod-openapi";
import { CreateDocumentInput, createDocument, type DocumentRenderer, GeneratedDocument } from "@thidua/core/document";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, body, defineRoute, json, provinceReaders } from "../route.ts";

// Who may call is settled per year in core: those who may read the year.
const access = provinceReaders;

/**
 * A bloc-year's documents as files: the covenant and the vote-count minutes (Word), the registration list and
 * the score table (Excel). `render`
 * draws and stores them: the documents function on AWS, the generators in process locally and in tests.
 */
export const documentRoutes = (render: DocumentRenderer) =>
  new OpenAPIHono<AppEnv>().openapi(
    defineRoute(access, {
      method: "post",
      path: "/blocs/{blocId}/years/{year}/documents",
      operationId: "createDocument",
      tags: ["documents"],
      summary:
        "Draw the year's covenant or vote-count minutes (Word) or score table (Excel); answer a URL to download it",
      description:
        "409 `document.not_ready` when a step is missing: every member registered for the registration list, and signed for the covenant, a closed ballot for the minutes, a ranked year for the score table; 409 `document.no_letterhead` until the board has set the province's letterhead.",
      request: { params: blocYearParams, body: body(CreateDocumentInput) },
      responses: { 201: json(GeneratedDocument, "Where to download the file") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await createDocument(actorOf(c), blocId, year, c.req.valid("json"), render), 201);
    },
  );
