import {
  type AttributeValue,
  CreateTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand as ScanStoredCommand,
} from "@aws-sdk/client-dynamodb";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { writeAll } from "./batch.ts";
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

const ONCE_MARK = { pk: { S: "ONCE#" }, sk: { S: "STATE" } };

/**
 * Runs `run` once for every test worker sharing `table` (the run's setup made it): a conditional put
 * elects the first caller, the others wait for its mark, and all see its failure. The mark stays in the
 * table; `copyItems` leaves it out.
 */
export async function onceForTheRun(
  client: DynamoDBClient,
  table: string,
  run: () => Promise<void>,
  waitMinutes = 3,
): Promise<void> {
  const elected = await client
    .send(
      new PutItemCommand({
        TableName: table,
        Item: { ...ONCE_MARK, state: { S: "running" } },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    )
    .then(
      () => true,
      (error: Error) => {
        if (error.name === "ConditionalCheckFailedException") return false;
        throw error;
      },
    );
  if (elected) {
    let state = "done";
    try {
      await run();
    } catch (error) {
      state = `failed: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    } finally {
      await client.send(new PutItemCommand({ TableName: table, Item: { ...ONCE_MARK, state: { S: state } } }));
    }
    return;
  }
  const until = Date.now() + waitMinutes * 60_000;
  for (;;) {
    const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: ONCE_MARK, ConsistentRead: true }));
    const state = Item?.state?.S;
    if (state === "done") return;
    if (state?.startsWith("failed")) throw new Error(`What ${table} was made for failed (${state})`);
    if (Date.now() > until) throw new Error(`${table} was still being made after ${waitMinutes} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Copies the items of one table into another, as stored (a parallel scan, batches of 25): every item, or
 * those whose partition key `keep` accepts.
 */
export async function copyItems(
  client: DynamoDBClient,
  from: string,
  to: string,
  keep: (pk: string) => boolean = () => true,
): Promise<void> {
  const segments = 4;
  await Promise.all(
    Array.from({ length: segments }, async (_, Segment) => {
      let start: ScanStoredCommand["input"]["ExclusiveStartKey"];
      do {
        const page = await client.send(
          new ScanStoredCommand({ TableName: from, Segment, TotalSegments: segments, ExclusiveStartKey: start }),
        );
        const items = (page.Items ?? []).filter((item) => {
          const pk = item.pk?.S ?? "";
          return pk !== ONCE_MARK.pk.S && keep(pk);
        });
        for (let i = 0; i < items.length; i += 25)
          await writeAll(
            client,
            to,
            items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          );
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
}

/**
 * Every item of a table as its stream delivered the item's creation (keys and new image), for the national
 * aggregator to summarise a table made without a stream poller (a scan: tests only).
 */
export async function creationRecordsOf(client: DynamoDBClient, table: string) {
  const records: { dynamodb: { Keys: Record<string, AttributeValue>; NewImage: Record<string, AttributeValue> } }[] =
    [];
  let start: ScanStoredCommand["input"]["ExclusiveStartKey"];
  do {
    const page = await client.send(new ScanStoredCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? [])
      if (item.pk && item.sk) records.push({ dynamodb: { Keys: { pk: item.pk, sk: item.sk }, NewImage: item } });
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}
