import { createAggregator } from "@thidua/core/national";
import { startStreamPoller } from "@thidua/local/stream-poller";
import type { Storage } from "./storage.ts";

/**
 * Runs `fill` with the stream poller feeding the national aggregator, as `npm start` has it, so the
 * national overview reads the summaries of what `fill` made; the poller is stopped before any timing.
 */
export async function withNationalSummaries<T>(storage: Storage, fill: () => Promise<T>): Promise<T> {
  const poller = await startStreamPoller({
    client: storage.plain,
    endpoint: storage.endpoint,
    tableName: storage.tableName,
    handler: createAggregator({ log: (entry) => entry.level === "error" && console.error(entry) }),
    onError: (error) => console.error(`stream poller: ${(error as Error).message}`),
  });
  try {
    const result = await fill();
    await poller.drain();
    return result;
  } finally {
    await poller.stop();
  }
}
