import { createClient } from "@thidua/core/db";
import { createAggregator } from "../aws/national-summary.ts";
import { loadAggregateEnv } from "../env.ts";

// The DynamoDB Streams consumer: recomputes the national summaries of the tenant-years a batch touches.
// Module scope: built once per Lambda container.
const env = loadAggregateEnv();

export const handler = createAggregator({
  client: createClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT }),
  tableName: env.TABLE_NAME,
});
