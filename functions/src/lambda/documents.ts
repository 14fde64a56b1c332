import { configureFiles, lazyS3Client } from "@thidua/core/files";
import type { DocumentsEvent } from "../documents/invoke.ts";
import { previewInProcess, renderInProcess } from "../documents/render.ts";
import { loadDocumentsEnv } from "../env.ts";

// The documents function: invoked by the API with a job (what to draw, the key to store it at), or with
// `{ preview }` (what to draw as an HTML page, answered, stored nowhere). Its role may only put objects
// under `T/*/documents/*`; it reads no data and hands out no URL.
const env = loadDocumentsEnv();
configureFiles({
  bucket: env.FILES_BUCKET,
  client: lazyS3Client({ region: env.AWS_REGION, endpoint: env.S3_ENDPOINT }),
});

export const handler = async (event: DocumentsEvent): Promise<{ size: number } | { html: string }> =>
  "preview" in event ? { html: await previewInProcess(event.preview) } : renderInProcess(event);
