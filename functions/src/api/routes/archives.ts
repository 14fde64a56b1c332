import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  ArchiveJob,
  type ArchiveRunner,
  EraseProvinceInput,
  eraseProvince,
  getArchiveJob,
  getOwnExport,
  ImportArchiveInput,
  listArchiveJobs,
  listOwnExports,
  prepareImport,
  resumeArchiveJob,
  runImport,
  startExport,
  startOwnExport,
} from "@thidua/core/archive";
import { type AppEnv, actorOf } from "../context.ts";
import { body, defineRoute, json, pathParam, tenantIdParam } from "../route.ts";

const operator = { roles: ["operator"] } as const;
const board = { roles: ["board"] } as const;
const exportIdParams = pathParam("jobId", "5b0e6c4a-2f57-4d2b-9f1c-3a8e7d6b1c20");
const jobParams = tenantIdParam.extend(pathParam("jobId", "5b0e6c4a-2f57-4d2b-9f1c-3a8e7d6b1c20").shape);
const jobs = "/tenants/{tenantId}/archive-jobs";

const ArchiveJobWithDownload = ArchiveJob.extend({
  /** Once an export is done: where to download its archive (the link works for five minutes). */
  download: z.object({ url: z.string(), expiresAt: z.string() }).optional(),
}).meta({ id: "ArchiveJobDetail" });

const ImportTicket = z
  .object({
    job: ArchiveJob,
    upload: z.object({
      url: z.string(),
      method: z.literal("PUT"),
      /** Send exactly these with the archive: the URL is signed for its type and size. */
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  })
  .meta({ id: "ArchiveImportTicket" });

const started = (what: string) => json(ArchiveJob, `${what}: follow it with GET …/archive-jobs/{jobId}`);

/**
 * A province moved whole, by the operator: export to one archive (items as JSON Lines per entity, files, a
 * manifest with SHA-256 checksums), import of such an archive into a deployment without the province, and the
 * erase of an archived, exported province. Each runs as a job the operator follows. A board exports its own
 * province likewise.
 */
export const archiveRoutes = (run: ArchiveRunner) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      defineRoute(operator, {
        method: "get",
        path: jobs,
        operationId: "listArchiveJobs",
        tags: ["operator"],
        summary: "The province's exports, imports and erases, newest first",
        request: { params: tenantIdParam },
        responses: { 200: json(z.object({ items: z.array(ArchiveJob) }), "The province's jobs") },
      }),
      async (c) => c.json({ items: await listArchiveJobs(actorOf(c), c.req.valid("param").tenantId) }, 200),
    )
    .openapi(
      defineRoute(operator, {
        method: "get",
        path: `${jobs}/{jobId}`,
        operationId: "getArchiveJob",
        tags: ["operator"],
        summary: "A job's progress; a done export answers where to download its archive",
        request: { params: jobParams },
        responses: { 200: json(ArchiveJobWithDownload, "The job") },
      }),
      async (c) => {
        const { tenantId, jobId } = c.req.valid("param");
        return c.json(await getArchiveJob(actorOf(c), tenantId, jobId), 200);
      },
    )
    .openapi(
      defineRoute(operator, {
        method: "post",
        path: `/tenants/{tenantId}/exports`,
        operationId: "exportTenant",
        tags: ["operator"],
        summary: "Export the whole province (every item, evidence file and drawn document) to one archive",
        request: { params: tenantIdParam },
        responses: { 202: started("The export started") },
      }),
      async (c) => c.json(await startExport(actorOf(c), c.req.valid("param").tenantId, run), 202),
    )
    .openapi(
      defineRoute(operator, {
        method: "post",
        path: `/tenants/{tenantId}/imports`,
        operationId: "prepareTenantImport",
        tags: ["operator"],
        summary: "Prepare the import of an archive as a province this deployment does not have: where to upload it",
        description:
          "PUT the archive to `upload.url` with `upload.headers`, then start the job with POST …/archive-jobs/{jobId}/run. The job reads the archive whole against its manifest (checksums, schema version, province) before it writes anything.",
        request: { params: tenantIdParam, body: body(ImportArchiveInput) },
        responses: { 201: json(ImportTicket, "The waiting job and where to upload its archive") },
      }),
      async (c) => {
        const { tenantId } = c.req.valid("param");
        return c.json(await prepareImport(actorOf(c), tenantId, c.req.valid("json")), 201);
      },
    )
    .openapi(
      defineRoute(operator, {
        method: "post",
        path: `${jobs}/{jobId}/run`,
        operationId: "runTenantImport",
        tags: ["operator"],
        summary: "Start an import whose archive is uploaded",
        request: { params: jobParams },
        responses: { 202: started("The import started") },
      }),
      async (c) => {
        const { tenantId, jobId } = c.req.valid("param");
        return c.json(await runImport(actorOf(c), tenantId, jobId, run), 202);
      },
    )
    .openapi(
      defineRoute(operator, {
        method: "post",
        path: `${jobs}/{jobId}/resume`,
        operationId: "resumeArchiveJob",
        tags: ["operator"],
        summary: "Resume a job whose process stopped (no progress for two minutes), from its last recorded step",
        request: { params: jobParams },
        responses: { 202: started("The job resumed") },
      }),
      async (c) => {
        const { tenantId, jobId } = c.req.valid("param");
        return c.json(await resumeArchiveJob(actorOf(c), tenantId, jobId, run), 202);
      },
    )
    .openapi(
      defineRoute(operator, {
        method: "post",
        path: `/tenants/{tenantId}/erase`,
        operationId: "eraseTenant",
        tags: ["operator"],
        summary:
          "Delete every item and file of an archived province, once exported after its archiving; the registry keeps it as erased",
        request: { params: tenantIdParam, body: body(EraseProvinceInput) },
        responses: { 202: started("The erase started") },
      }),
      async (c) => {
        const { tenantId } = c.req.valid("param");
        return c.json(await eraseProvince(actorOf(c), tenantId, c.req.valid("json"), run), 202);
      },
    )
    .openapi(
      defineRoute(board, {
        method: "post",
        path: "/exports",
        operationId: "exportOwnProvince",
        tags: ["audit"],
        summary: "Export the board's own province whole to one archive (every item, evidence file and document)",
        responses: { 202: started("The export started") },
      }),
      async (c) => c.json(await startOwnExport(actorOf(c), run), 202),
    )
    .openapi(
      defineRoute(board, {
        method: "get",
        path: "/exports",
        operationId: "listOwnExports",
        tags: ["audit"],
        summary: "The board's exports of its province, newest first",
        responses: { 200: json(z.object({ items: z.array(ArchiveJob) }), "The exports") },
      }),
      async (c) => c.json({ items: await listOwnExports(actorOf(c)) }, 200),
    )
    .openapi(
      defineRoute(board, {
        method: "get",
        path: "/exports/{jobId}",
        operationId: "getOwnExport",
        tags: ["audit"],
        summary: "An export's progress; once done, where to download its archive",
        request: { params: exportIdParams },
        responses: { 200: json(ArchiveJobWithDownload, "The export") },
      }),
      async (c) => c.json(await getOwnExport(actorOf(c), c.req.valid("param").jobId), 200),
    );
