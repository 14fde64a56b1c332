import { DynamoDB, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface ClientOptions {
  region: string;
  /** DynamoDB Local's URL; absent on AWS. */
  endpoint?: string;
}

export function createClient({ region, endpoint }: ClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region,
    endpoint,
    // DynamoDB Local accepts any credentials; on AWS the default chain applies.
    ...(endpoint ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
}

/** The client of the limits table, in the aggregated form the rate limiter calls (`getItem`, `updateItem`…). */
export function createLimitsStore({ region, endpoint }: ClientOptions): LimitsStore {
  return new DynamoDB({
    region,
    endpoint,
    ...(endpoint ? { credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
}
export type LimitsStore = DynamoDB;

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
