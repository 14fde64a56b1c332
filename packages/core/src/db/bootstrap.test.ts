import { randomUUID } from "node:crypto";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
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

  it("makes a table without a stream when asked, and leaves it without one", async () => {
    const name = `boot-${randomUUID()}`;
    expect(await ensureTable(client, name, { stream: false })).toBe("created");
    expect(await ensureTable(client, name, { stream: false })).toBe("unchanged");
    const table = await describeTable(name);
    expect(table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect(table?.GlobalSecondaryIndexes).toHaveLength(tableDefinition.globalIndexes.length);
  });

  it("brings an older table up to the definition (indexes, stream)", async () => {
    // Made the old way and upgraded by ensureTable in the run's setup (test/setup/dynamo.ts).
    const { name, result } = inject("upgradedTable");
    expect(result).toBe("updated");
    const table = await describeTable(name);
    expect(table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      tableDefinition.globalIndexes.map((i) => i.name),
    );
    // Built one after another, each waited for: all usable when ensureTable returns.
    expect(table?.GlobalSecondaryIndexes?.map((i) => i.IndexStatus)).toEqual(
      tableDefinition.globalIndexes.map(() => "ACTIVE"),
    );
    expect(table?.StreamSpecification?.StreamEnabled).toBe(true);
    expect(await ensureTable(client, name)).toBe("unchanged");
  });
});
