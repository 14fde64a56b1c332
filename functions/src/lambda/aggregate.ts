import { configureDb, createClient } from "@thidua/core/db";
import { createAggregator } from "@thidua/core/national";
import { loadAggregateEnv } from "../env.ts";

// The DynamoDB Streams consumer: recomputes the national summaries of the province-years a batch touches.
// Module scope: built once per Lambda container. Its own role reads tenant items and writes N# items.
const env = loadAggregateEnv();
configureDb({
  tableName: env.TABLE_NAME,
  client: createClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT }),
});

export const handler = createAggregator();
