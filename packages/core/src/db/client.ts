import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
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

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
