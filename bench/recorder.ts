import type { createClient } from "@thidua/core/db";

export type DynamoClient = ReturnType<typeof createClient>;

/** A command class of the DynamoDB client, taken from a command the app sent (the bench imports no SDK). */
export type CommandClass = new (input: Record<string, unknown>) => unknown;

/** One DynamoDB request the app sent: enough to send it again, and what it cost. */
export interface SentRequest {
  name: string;
  command: CommandClass;
  /** The input as it went on the wire (attribute values marshalled, ReturnConsumedCapacity asked). */
  input: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
  readUnits: number;
  writeUnits: number;
  failed: boolean;
}

const reads = new Set([
  "GetItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "TransactGetItemsCommand",
]);
const writes = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
  "TransactWriteItemsCommand",
]);
/** Commands that read or write items: the ones DynamoDB bills and that take ReturnConsumedCapacity. */
export const isDataCommand = (name: string) => reads.has(name) || writes.has(name);
export const isWriteCommand = (name: string) => writes.has(name);

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Capacity units of an answer: DynamoDB gives one total (Get, Query, Put…) or one per table (batches,
 * transactions); reads and writes split by the command when the answer does not split them itself.
 */
function unitsOf(name: string, consumed: Capacity | Capacity[] | undefined) {
  let readUnits = 0;
  let writeUnits = 0;
  for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
      readUnits += c.ReadCapacityUnits ?? 0;
      writeUnits += c.WriteCapacityUnits ?? 0;
    } else if (writes.has(name)) writeUnits += c.CapacityUnits ?? 0;
    else readUnits += c.CapacityUnits ?? 0;
  }
  return { readUnits, writeUnits, reported: consumed !== undefined };
}

/** The SDK's context key under which a middleware finds the command being sent. */
const smithyContext = "__smithy_context";

/**
 * Records every request `client` sends, as test/support/requests.ts counts them, and asks DynamoDB for
 * the capacity each consumed. `take` returns what was recorded since the last take.
 */
export function recordRequests(client: DynamoClient) {
  let sent: SentRequest[] = [];
  let capacityReported = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      if (!isDataCommand(name)) return next(args);
      return next({ ...args, input: { ...(args.input as object), ReturnConsumedCapacity: "TOTAL" } });
    },
    { step: "initialize", name: "benchAskCapacity" },
  );
  // At the build step the input is final: the document client has marshalled it.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      const instance = (context as Record<string, { commandInstance?: object }>)[smithyContext]?.commandInstance;
      const request: SentRequest = {
        name,
        command: instance?.constructor as CommandClass,
        input: args.input as Record<string, unknown>,
        startedAt: performance.now(),
        endedAt: 0,
        readUnits: 0,
        writeUnits: 0,
        failed: false,
      };
      sent.push(request);
      try {
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
        const units = unitsOf(name, output.ConsumedCapacity);
        request.readUnits = units.readUnits;
        request.writeUnits = units.writeUnits;
        capacityReported ||= units.reported;
        return result;
      } catch (error) {
        request.failed = true;
        throw error;
      } finally {
        request.endedAt = performance.now();
      }
    },
    { step: "build", name: "benchRecord" },
  );
  return {
    take(): SentRequest[] {
      const taken = sent;
      sent = [];
      return taken;
    },
    /** Whether DynamoDB answered with ConsumedCapacity at least once. */
    capacityReported: () => capacityReported,
  };
}
