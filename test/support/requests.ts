import { configureDb, createClient } from "@thidua/core/db";
import { inject } from "vitest";

const client = () => createClient({ region: "local", endpoint: inject("dynamoEndpoint") });

/**
 * The DynamoDB requests `run` makes, by command name: storage is configured with a client that records
 * each request it sends, then set back as the run's setup had it.
 */
export async function dynamoRequestsOf<T>(run: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  const counting = client();
  const requests: string[] = [];
  counting.middlewareStack.add(
    (next, context) => async (args) => {
      requests.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "recordRequests" },
  );
  configureDb({ tableName: inject("tableName"), client: counting });
  try {
    return { result: await run(), requests };
  } finally {
    configureDb({ tableName: inject("tableName"), client: client() });
  }
}
