import { randomUUID } from "node:crypto";
import { CreateTableCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, inject, it } from "vitest";
import { ensureTable } from "./bootstrap.ts";
import { createClient } from "./client.ts";
import { tableDefinition } from "./table.ts";

const client = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
const describeTable = async (name: string) => (await client.send(new DescribeTableCommand({ TableName: name }))).Table;

describe("table bootstrap", () => {
  it("creates the table from the single definition, then leaves it alone", async () => {
    const name = `boot-${randomUUID()}`;
    expect(await ensureTable(client, name)).toBe("created");
    expect(await ensureTable(client, name)).toBe("unchanged");
    const table = await describeTable(name);
    expect(table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
    ]);
    expect(table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema?.map((k) => k.AttributeName)])).toEqual(
      tableDefinition.globalIndexes.map((i) => [i.name, [i.partitionKey, i.sortKey]]),
    );
    expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
  });

  it("brings an older table up to the definition (indexes, stream)", async () => {
    const name = `boot-${randomUUID()}`;
    // An older deployment: same keys, no indexes, no stream.
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
    expect(await ensureTable(client, name)).toBe("updated");
    const table = await describeTable(name);
    expect(table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      tableDefinition.globalIndexes.map((i) => i.name),
    );
    // Built one after another, each waited for: all usable when ensureTable returns.
    expect(table?.GlobalSecondaryIndexes?.map((i) => i.IndexStatus)).toEqual(
      tableDefinition.globalIndexes.map(() => "ACTIVE"),
    );
    expect(table?.StreamSpecification?.StreamEnabled).toBe(true);
    // DynamoDB Local builds indexes slowly while the rest of the run keeps it busy: ensureTable waits
    // for readiness (up to 300 s), and so does the test.
  }, 240_000);
});
