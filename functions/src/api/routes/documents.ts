import { OpenAPIHono } from "@hono/zod-openapi";
import {
  CreateDocumentInput,
  createDocument,
  DocumentPreview,
  type DocumentPreviewer,
  type DocumentRenderer,
  GeneratedDocument,
  previewDocument,
} from "@thidua/core/document";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, body, defineRoute, json, provinceReaders } from "../route.ts";

// Who may call is settled per year in core: those who may read the year.
const access = provinceReaders;

/**
 * A bloc-year's documents as files (Word and Excel, core's `documentKinds`), and as HTML pages to preview.
 * `render` draws and stores them, `preview` draws the page: the documents function on AWS, the generators
 * in process locally and in tests.
 */
export const documentRoutes = (render: DocumentRenderer, preview: DocumentPreviewer) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      defineRoute(access, {
        method: "post",
        path: "/blocs/{blocId}/years/{year}/documents",
        operationId: "createDocument",
        tags: ["documents"],
        summary: "Draw one of the year's documents (Word or Excel); answer a URL to download it",
        description:
          "Word: the covenant, the mid-year report, the vote-count minutes, the draft year-end report, the proposal memo, the award decision. Excel: the registration list, the score table, the proposal list. " +
          "409 `document.not_ready` names the missing step in `fields[0].message`: every member registered (`document.registration_missing`) and signed (`document.covenant_unsigned`), the mid-year summary published (`document.no_mid_year_summary`), a closed ballot (`document.no_closed_ballot`), a ranked year (`document.not_ranked`), a proposal standing (`document.no_proposal`), an approved one (`document.not_approved`); 409 `document.no_letterhead` until the board has set the province's letterhead.",
        request: { params: blocYearParams, body: body(CreateDocumentInput) },
        responses: { 201: json(GeneratedDocument, "Where to download the file") },
      }),
      async (c) => {
        const { blocId, year } = c.req.valid("param");
        return c.json(await createDocument(actorOf(c), blocId, year, c.req.valid("json"), render), 201);
      },
    )
    .openapi(
      defineRoute(access, {
        method: "post",
        path: "/blocs/{blocId}/years/{year}/documents/preview",
        operationId: "previewDocument",
        tags: ["documents"],
        summary: "Draw one of the year's documents as an HTML page, to check it before downloading",
        description:
          "The same content as the file (a sheet drawn from the same workbook), as a self-contained page without script. The same 409s as drawing the file.",
        request: { params: blocYearParams, body: body(CreateDocumentInput) },
        responses: { 200: json(DocumentPreview, "The document as an HTML page") },
      }),
      async (c) => {
        const { blocId, year } = c.req.valid("param");
        return c.json(await previewDocument(actorOf(c), blocId, year, c.req.valid("json"), preview), 200);
      },
    );
