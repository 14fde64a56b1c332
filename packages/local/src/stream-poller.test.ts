import { randomUUID } from "node:crypto";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { createClient, ensureTable } from "@thidua/core/db";
import { createAggregator, readNationalSummary } from "@thidua/functions/aggregator";
import { describe, expect, inject, it } from "vitest";
import { startStreamPoller } from "./stream-poller.ts";

describe("local stream poller", () => {
  it("hands DynamoDB Local's stream to the aggregator, which writes the province's national summary", async () => {
    const endpoint = inject("dynamoEndpoint");
    const client = createClient({ region: "local", endpoint });
    // A table of its own, so only this test's writes are in its stream.
    const tableName = `stream-${randomUUID().slice(0, 8)}`;
    await ensureTable(client, tableName);
    const poller = await startStreamPoller({
      client,
      endpoint,
      tableName,
      handler: createAggregator({ client, tableName, log: () => {} }),
      intervalMs: 50,
    });
    try {
      const put = (sk: string) =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { pk: { S: "T#ha-noi#BLOCS" }, sk: { S: sk }, __edb_e__: { S: "bloc" }, year: { N: "2025" } },
          }),
        );
      await put("BLOC#a");
      await put("BLOC#b");
      await poller.drain();
      const summary = await readNationalSummary({ client, tableName }, "ha-noi", 2025);
      expect(summary?.counts).toEqual({ bloc: 2 });
    } finally {
      await poller.stop();
    }
  });
});
