import { randomUUID } from "node:crypto";
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";
import type { Actor } from "@thidua/core/actor";
import { createBloc } from "@thidua/core/bloc";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { createAggregator, listNationalSummaries } from "@thidua/core/national";
import { describe, expect, inject, it } from "vitest";
import { startStreamPoller } from "./stream-poller.ts";

/** A table of its own, so only the test's writes are in its stream; the use cases write to it. */
async function ownTable() {
  const endpoint = inject("dynamoEndpoint");
  const client = createClient({ region: "local", endpoint });
  const tableName = `stream-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  configureDb({ tableName, client });
  return { endpoint, client, tableName };
}

describe("local stream poller", () => {
  it("hands DynamoDB Local's stream to the aggregator, which writes the province's national summary", async () => {
    const { endpoint, client, tableName } = await ownTable();
    const board: Actor = { userId: "b", email: "b@hn.vn", name: "Ban TĐKT", role: "board", tenantId: "ha-noi" };
    const poller = await startStreamPoller({
      client,
      endpoint,
      tableName,
      handler: createAggregator({ log: () => {} }),
      intervalMs: 50,
    });
    try {
      await createBloc(board, { name: "Khối các cơ quan Đảng", kind: "bloc" });
      await createBloc(board, { name: "Cụm thi đua số 1", kind: "cluster" });
      await poller.drain();
      // Blocs carry no year: they count in the year of the change, in Vietnam time.
      const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
      const [summary] = await listNationalSummaries({ ...board, role: "national", tenantId: undefined }, year);
      expect(summary).toMatchObject({ tenantId: "ha-noi", figures: { blocs: 1, clusters: 1 } });
    } finally {
      await poller.stop();
    }
  });

  it("reads a shard again from its oldest record when its position was trimmed (fault injected: DynamoDB Local cannot be made to trim on demand)", async () => {
    const { endpoint, client, tableName } = await ownTable();
    const board: Actor = { userId: "b", email: "b@hp.vn", name: "Ban TĐKT", role: "board", tenantId: "hai-phong" };
    const streams = new DynamoDBStreamsClient({
      region: "local",
      endpoint,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const send = streams.send.bind(streams);
    let trimmed = false;
    streams.send = ((command: { constructor: { name: string } }) => {
      if (command.constructor.name === "GetRecordsCommand" && !trimmed) {
        trimmed = true;
        const error = new Error("The operation attempted to read past the oldest stream record in a shard.");
        error.name = "TrimmedDataAccessException";
        return Promise.reject(error);
      }
      return send(command as never);
    }) as typeof streams.send;
    const errors: unknown[] = [];
    const poller = await startStreamPoller({
      client,
      endpoint,
      tableName,
      handler: createAggregator({ log: () => {} }),
      intervalMs: 50,
      onError: (error) => errors.push(error),
      streams,
    });
    try {
      await createBloc(board, { name: "Khối các sở", kind: "bloc" });
      await poller.drain();
      await poller.drain();
      const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
      const [summary] = await listNationalSummaries({ ...board, role: "national", tenantId: undefined }, year);
      expect(trimmed).toBe(true);
      expect(summary).toMatchObject({ tenantId: "hai-phong", figures: { blocs: 1 } });
      expect(errors).toEqual([]);
    } finally {
      await poller.stop();
    }
  });
});
