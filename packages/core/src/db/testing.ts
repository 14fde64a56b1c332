import { CreateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "./client.ts";
import { configureDb, currentConfig } from "./config.ts";
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

/** Every stored item of a province, as the table holds it (a scan: tests only, on a fresh province). */
export async function tenantItemsForTests(tenantId: string): Promise<Record<string, unknown>[]> {
  const { client, tableName } = currentConfig();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient(client).send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "begins_with(pk, :p)",
        ExpressionAttributeValues: { ":p": `T#${tenantId}#` },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Runs `run` with `client` as the national summaries' client (the API's read-only national role on AWS). */
export async function withNationalClient<T>(client: DynamoDBClient, run: () => Promise<T>): Promise<T> {
  const before = currentConfig();
  configureDb({ ...before, clientForNational: () => client });
  try {
    return await run();
  } finally {
    configureDb(before);
  }
}
