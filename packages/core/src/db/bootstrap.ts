import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { limitsTableDefinition, tableDefinition } from "./table.ts";

const keyAttributes = (): AttributeDefinition[] => {
  const names = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return names.map((AttributeName) => ({ AttributeName, AttributeType: "S" }));
};

const indexInput = (index: (typeof tableDefinition.globalIndexes)[number]) => ({
  IndexName: index.name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: "HASH" as const },
    { AttributeName: index.sortKey, KeyType: "RANGE" as const },
  ],
  Projection: { ProjectionType: "ALL" as const },
});

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/**
 * Waits until the table and every index on it are ACTIVE: DynamoDB refuses a second index change (and a
 * stream change) while one is still being built. Polls with a growing pause, up to `maxWaitSeconds`.
 */
async function untilSettled(client: DynamoDBClient, name: string, maxWaitSeconds = 300): Promise<void> {
  const deadline = Date.now() + maxWaitSeconds * 1000;
  for (let pause = 50; ; pause = Math.min(pause * 2, 5000)) {
    const table = await describe(client, name);
    const busy = [table?.TableStatus, ...(table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexStatus)].some(
      (status) => status !== "ACTIVE",
    );
    if (!busy) return;
    if (Date.now() > deadline) throw new Error(`Table ${name} did not settle within ${maxWaitSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * Creates the table, or brings an existing one up to the definition (missing
 * indexes, stream). Safe to run on every start. `stream: false` is for a copy
 * whose changes nobody summarises (a test fixture): DynamoDB Local writes to a
 * table with a stream many times slower.
 */
export async function ensureTable(
  client: DynamoDBClient,
  name: string,
  { stream = true }: { stream?: boolean } = {},
): Promise<"created" | "updated" | "unchanged"> {
  const existing = await describe(client, name);
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: keyAttributes(),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
          { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalIndexes.map(indexInput),
        ...(stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream } } : {}),
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name });
    return "created";
  }
  let changed = false;
  const present = new Set(
    (existing.GlobalSecondaryIndexes ?? []).map((i: GlobalSecondaryIndexDescription) => i.IndexName),
  );
  // DynamoDB accepts one index creation per UpdateTable call, and the next only once it is built.
  for (const index of tableDefinition.globalIndexes.filter((i) => !present.has(i.name))) {
    await untilSettled(client, name);
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: keyAttributes(),
        GlobalSecondaryIndexUpdates: [{ Create: indexInput(index) }],
      }),
    );
    changed = true;
  }
  if (stream && !existing.StreamSpecification?.StreamEnabled) {
    await untilSettled(client, name);
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream },
      }),
    );
    changed = true;
  }
  if (!changed) return "unchanged";
  // Callers query the indexes straight away.
  await untilSettled(client, name);
  return "updated";
}

/** Creates the rate limiter's table (see limitsTableDefinition) if it is missing. Safe to run on every start. */
export async function ensureLimitsTable(client: DynamoDBClient, name: string): Promise<"created" | "unchanged"> {
  if (await describe(client, name)) return "unchanged";
  const { partitionKey, ttlAttribute } = limitsTableDefinition;
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [{ AttributeName: partitionKey, AttributeType: "S" }],
      KeySchema: [{ AttributeName: partitionKey, KeyType: "HASH" }],
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
    }),
  );
  return "created";
}

/** The ARN of the table's stream, which the local poller reads in place of Lambda's event source. */
export async function streamArnOf(client: DynamoDBClient, name: string): Promise<string> {
  const arn = (await describe(client, name))?.LatestStreamArn;
  if (!arn) throw new Error(`Table ${name} has no stream`);
  return arn;
}
