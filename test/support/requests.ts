import { configureDb, createClient } from "@thidua/core/db";
import { inject } from "vitest";

const client = () => createClient({ region: "local", endpoint: inject("dynamoEndpoint") });

/**
 * Storage configured with a client that records each request it sends, by command name, until `restore`
 * sets it back as the run's setup had it. `take` returns what was recorded since the last take.
 */
export function recordDynamoRequests() {
  const counting = client();
  let requests: string[] = [];
  counting.middlewareStack.add(
    (next, context) => async (args) => {
      requests.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "recordRequests" },
  );
  configureDb({ tableName: inject("tableName"), client: counting });
  return {
    take() {
      const taken = requests;
      requests = [];
      return taken;
    },
    restore: () => configureDb({ tableName: inject("tableName"), client: client() }),
  };
}

/** The DynamoDB requests `run` makes, by command name. */
export async function dynamoRequestsOf<T>(run: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  const recording = recordDynamoRequests();
  try {
    return { result: await run(), requests: recording.take() };
  } finally {
    recording.restore();
  }
}
