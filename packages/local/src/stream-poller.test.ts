import { randomUUID } from "node:crypto";
import type { Actor } from "@thidua/core/actor";
import { createBloc } from "@thidua/core/bloc";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { createAggregator, listNationalSummaries } from "@thidua/core/national";
import { describe, expect, inject, it } from "vitest";
import { startStreamPoller } from "./stream-poller.ts";

describe("local stream poller", () => {
  it("hands DynamoDB Local's stream to the aggregator, which writes the province's national summary", async () => {
    const endpoint = inject("dynamoEndpoint");
    const client = createClient({ region: "local", endpoint });
    // A table of its own, so only this test's writes are in its stream.
    const tableName = `stream-${randomUUID().slice(0, 8)}`;
    await ensureTable(client, tableName);
    configureDb({ tableName, client });
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
});
