import { OpenAPIHono, z } from "@hono/zod-openapi";
import { Participation } from "@thidua/core/cycle";
import { VersionInput } from "@thidua/core/edit/rules";
import {
  AttachInput,
  attachEvidence,
  downloadEvidence,
  RequestUploadInput,
  removeEvidence,
  requestUpload,
} from "@thidua/core/score";
import { type AppEnv, actorOf } from "../context.ts";
import { body, defineRoute, json, pathParam, provinceReaders } from "../route.ts";
import { memberParams } from "./cycle.ts";

const evidence = "/blocs/{blocId}/years/{year}/units/{unitId}/evidence";
const fileParams = memberParams.extend(pathParam("fileId", "0f8fad5b-d9cb-469f-a165-70867728950e").shape);
// Who may call is settled per year in core: a unit for its own sheet, those who may read it for downloads.
const access = provinceReaders;

const Upload = z
  .object({
    fileId: z.string(),
    upload: z.object({
      url: z.string(),
      method: z.literal("PUT"),
      /** Send exactly these with the file: the URL is signed for its type and size. */
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  })
  .meta({ id: "EvidenceUpload" });

/** Evidence files of a member's score sheet: uploaded straight to storage, checked by content, then attached. */
export const evidenceRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(access, {
      method: "post",
      path: evidence,
      operationId: "requestEvidenceUpload",
      refusals: ["evidence.wrong_type", "score.unknown_line"],
      tags: ["scores"],
      summary: "A URL to upload one evidence file of the declared type and size (413 over the limit)",
      request: { params: memberParams, body: body(RequestUploadInput) },
      responses: { 201: json(Upload, "Where to upload") },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await requestUpload(actorOf(c), blocId, year, unitId, c.req.valid("json")), 201);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${evidence}/{fileId}`,
      operationId: "attachEvidence",
      refusals: ["score.unknown_line"],
      tags: ["scores"],
      summary: "Attach an uploaded file to a line once its bytes are a PDF, an image, Word or Excel",
      request: { params: fileParams, body: body(AttachInput) },
      responses: { 200: json(Participation, "The member's part") },
    }),
    async (c) => {
      const { blocId, year, unitId, fileId } = c.req.valid("param");
      return c.json(await attachEvidence(actorOf(c), blocId, year, unitId, fileId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "get",
      path: `${evidence}/{fileId}`,
      operationId: "downloadEvidence",
      tags: ["scores"],
      summary: "A short-lived URL to download an evidence file",
      request: { params: fileParams },
      responses: { 200: json(z.object({ url: z.string(), expiresAt: z.string() }), "Where to download") },
    }),
    async (c) => {
      const { blocId, year, unitId, fileId } = c.req.valid("param");
      return c.json(await downloadEvidence(actorOf(c), blocId, year, unitId, fileId), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "delete",
      path: `${evidence}/{fileId}`,
      operationId: "removeEvidence",
      tags: ["scores"],
      summary: "Remove an evidence file from its line, while the sheet may change",
      request: { params: fileParams, query: VersionInput },
      responses: { 200: json(Participation, "The member's part") },
    }),
    async (c) => {
      const { blocId, year, unitId, fileId } = c.req.valid("param");
      const { version } = c.req.valid("query");
      return c.json(await removeEvidence(actorOf(c), blocId, year, unitId, fileId, version), 200);
    },
  );
