import { createClient, ensureLimitsTable, ensureTable } from "@thidua/core/db";
import { startDynamo } from "@thidua/local/dynamo";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
    limitsTableName: string;
  }
}

/** Starts one in-memory DynamoDB Local for the run and creates the table once. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo();
  const tableName = "thidua-test";
  const limitsTableName = "thidua-test-limits";
  const client = createClient({ region: "local", endpoint: dynamo.endpoint });
  await ensureTable(client, tableName);
  await ensureLimitsTable(client, limitsTableName);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("tableName", tableName);
  project.provide("limitsTableName", limitsTableName);
  return () => dynamo.stop();
}
