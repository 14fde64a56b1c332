import { CreateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { provinceService } from "./province.ts";

/**
 * A province's entities by id, for tests that must set up a state no use case
 * makes yet (a closed year). Only tests and the run's setup may import this (a dependency rule).
 */
export const provinceEntitiesForTests = (tenantId: string) => provinceService(tenantId).entities;

/** A table as an older deployment left it: the same keys, no indexes, no stream (for ensureTable's test). */
export async function createOlderTable(client: DynamoDBClient, name: string) {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    }),
  );
}
