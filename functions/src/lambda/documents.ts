import type { DocumentJob } from "@thidua/core/document/rules";
import { configureFiles, createS3Client } from "@thidua/core/files";
import { renderInProcess } from "../documents/render.ts";
import { loadDocumentsEnv } from "../env.ts";

// The documents function: invoked by the API with a job (what to draw, the key to store it at). Its role
// may only put objects under `T/*/documents/*`; it reads no data and hands out no URL.
const env = loadDocumentsEnv();
configureFiles({
  bucket: env.FILES_BUCKET,
  client: createS3Client({ region: env.AWS_REGION, endpoint: env.S3_ENDPOINT }),
});

export const handler = async (job: DocumentJob): Promise<{ size: number }> => renderInProcess(job);
