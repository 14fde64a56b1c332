import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { streamArnOf } from "@thidua/core/db";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";

export interface StreamPoller {
  /** Resolves once every record written so far has been handed to the handler (tests use it). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** The SDK's record in the shape Lambda delivers: dates as epoch seconds, same attribute-value maps. */
function asLambdaRecord(record: _Record): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...rest } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventSource: "aws:dynamodb",
    awsRegion: "local",
    dynamodb: {
      ...(rest as NonNullable<DynamoDBRecord["dynamodb"]>),
      ...(ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: ApproximateCreationDateTime.getTime() / 1000 }
        : {}),
    },
  };
}

/** A shard position the stream no longer has (trimmed, or its iterator expired): read the shard again. */
const isLostPosition = (error: unknown) =>
  ["TrimmedDataAccessException", "ExpiredIteratorException"].includes((error as Error).name);

/**
 * Locally, DynamoDB Local's stream stands in for the Lambda event source: this
 * polls it and calls the same aggregate handler with the same event shape. A
 * failed batch is retried on the next round, as Lambda would.
 */
export async function startStreamPoller({
  client,
  endpoint,
  tableName,
  handler,
  intervalMs = 1000,
  onError = (error) => console.error(`stream poller: ${(error as Error).message}`),
  streams = new DynamoDBStreamsClient({
    region: "local",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  }),
}: {
  client: Parameters<typeof streamArnOf>[0];
  endpoint: string;
  tableName: string;
  handler: (event: DynamoDBStreamEvent) => Promise<void>;
  intervalMs?: number;
  onError?: (error: unknown) => void;
  /** The streams client (a test wraps it to inject faults). */
  streams?: DynamoDBStreamsClient;
}): Promise<StreamPoller> {
  const streamArn = await streamArnOf(client, tableName);

  /** Shard id → the iterator to read next; null once a closed shard is read to its end. */
  const iterators = new Map<string, string | null>();
  let running = true;
  // Rounds run one after another, whoever asks for them (the loop or drain()).
  let chain: Promise<void> = Promise.resolve();
  const nextRound = () => {
    const round = chain.then(pollOnce);
    chain = round.catch(onError);
    return round;
  };

  const readPage = (iterator: string) => streams.send(new GetRecordsCommand({ ShardIterator: iterator }));

  async function pollOnce() {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId as string;
      if (iterators.has(id)) continue;
      // New shards are read from their start: the handler recomputes, so replays are harmless.
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: id, ShardIteratorType: "TRIM_HORIZON" }),
      );
      iterators.set(id, ShardIterator ?? null);
    }
    for (const [id, iterator] of iterators) {
      if (!iterator) continue;
      let page: Awaited<ReturnType<typeof readPage>>;
      try {
        page = await readPage(iterator);
      } catch (error) {
        if (!isLostPosition(error)) throw error;
        // Read again from the shard's oldest record: the handler recomputes, so a replay is harmless.
        iterators.delete(id);
        continue;
      }
      const { Records = [], NextShardIterator } = page;
      if (Records.length) await handler({ Records: Records.map(asLambdaRecord) });
      iterators.set(id, NextShardIterator ?? null); // only after the handler succeeded
    }
  }

  const loop = async () => {
    while (running) {
      await nextRound().catch(() => {}); // reported by onError
      if (running) await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  const looping = loop();

  return {
    drain: nextRound,
    async stop() {
      running = false;
      await looping;
      streams.destroy();
    },
  };
}
