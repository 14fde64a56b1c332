import { OpenAPIHono, z } from "@hono/zod-openapi";
import { ErrorBody } from "@thidua/core/error";
import {
  getImport,
  ImportInput,
  ImportJobView,
  ImportPreview,
  ImportResult,
  importTemplate,
  importUnits,
  TEMPLATE_FILE_NAME,
  XLSX_CONTENT_TYPE,
} from "@thidua/core/import";
import { type AppEnv, actorOf } from "../context.ts";
import { body, defineRoute, json, pathParam } from "../route.ts";

const board = { roles: ["board"] } as const;
const importIdParam = pathParam("importId", "0b7f7c1e-3a55-4c39-9a0e-6f1f2d1c9a42");

const importIdHeader = z.object({
  "x-import-id": z.string().optional().openapi({
    description:
      "The import job's id, set as soon as the job exists (also on a 409): poll `GET /api/units/import/{importId}`",
  }),
});

/** Bulk import of units and their bloc membership from an .xlsx sheet, as a recoverable job. */
export const importRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(board, {
      method: "get",
      path: "/units/import/template",
      operationId: "getUnitImportTemplate",
      tags: ["units"],
      summary:
        "Download the .xlsx template for importing units (columns, examples, accepted kinds, the province's blocs)",
      responses: {
        200: {
          description: "The template workbook",
          content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
        },
      },
    }),
    async (c) => {
      const file = await importTemplate(actorOf(c));
      return c.body(new Uint8Array(file), 200, {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="${TEMPLATE_FILE_NAME}"`,
      });
    },
  )
  .openapi(
    defineRoute(board, {
      method: "post",
      path: "/units/import",
      operationId: "importUnits",
      refusals: ["import.unreadable", "import.invalid"],
      tags: ["units"],
      summary: "Import units and their bloc membership for a year from an .xlsx sheet (all rows or none)",
      description: [
        "Every row is checked before anything is written: problems answer 400 `import.invalid` with one",
        "field per problem, `rows.<Excel row number>.<name|shortName|kind|bloc>`. `dryRun` answers the preview.",
        "The write runs as a job in several transactions; a failure rolls it back and answers 409",
        "`import.conflict`. To follow progress while this request runs, send your own `importId` (a UUID)",
        "and poll `GET /api/units/import/{importId}` (404 until the checks pass and the job starts).",
      ].join(" "),
      request: { body: body(ImportInput) },
      responses: {
        200: {
          description: "The import is done (`ImportResult`), or the preview of a dry run (`ImportPreview`)",
          headers: importIdHeader,
          content: { "application/json": { schema: z.union([ImportResult, ImportPreview]) } },
        },
        409: {
          description:
            "Another import is running (`import.busy`), or the import met a concurrent change and was rolled back (`import.conflict`, naming the row when known)",
          headers: importIdHeader,
          content: { "application/json": { schema: ErrorBody } },
        },
      },
    }),
    async (c) =>
      c.json(await importUnits(actorOf(c), c.req.valid("json"), { onStart: (id) => c.header("x-import-id", id) }), 200),
  )
  .openapi(
    defineRoute(board, {
      method: "get",
      path: "/units/import/{importId}",
      operationId: "getUnitImport",
      tags: ["units"],
      summary: "An import's progress; a job abandoned by a dead process (no heartbeat for 60 s) is rolled back first",
      request: { params: importIdParam },
      responses: { 200: json(ImportJobView, "The import job") },
    }),
    async (c) => c.json(await getImport(actorOf(c), c.req.valid("param").importId), 200),
  );
