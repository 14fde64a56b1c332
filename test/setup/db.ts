import { configureDb, createClient } from "@thidua/core/db";
import { inject } from "vitest";

// Every worker talks to the run's DynamoDB Local; tests that need no storage simply never query it.
configureDb({
  tableName: inject("tableName"),
  client: createClient({ region: "local", endpoint: inject("dynamoEndpoint") }),
});
