import { runArchiveJob } from "@thidua/core/archive";
import { configureDb, createClient } from "@thidua/core/db";
import { configureFiles, lazyS3Client } from "@thidua/core/files";
import { loadArchiveEnv } from "../env.ts";

// The archive function: exports, imports and erases a province whole, invoked asynchronously by the API
// with the job to drive (up to 15 minutes; a job cut short is resumed by the operator from its checkpoint).
// Its role scans the table and reaches every province's items and files: the only one that may.
const env = loadArchiveEnv();
configureDb({
  tableName: env.TABLE_NAME,
  client: createClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT }),
});
configureFiles({
  bucket: env.FILES_BUCKET,
  client: lazyS3Client({ region: env.AWS_REGION, endpoint: env.S3_ENDPOINT }),
});

export const handler = async (event: { tenantId: string; jobId: string }): Promise<void> => {
  await runArchiveJob(event.tenantId, event.jobId);
};
