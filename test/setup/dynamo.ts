import { createClient, ensureTable } from "@thidua/core/db";
import { startDynamo } from "@thidua/local/dynamo";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

/** Starts one in-memory DynamoDB Local for the run and creates the table once. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo();
  const tableName = "thidua-test";
  await ensureTable(createClient({ region: "local", endpoint: dynamo.endpoint }), tableName);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("tableName", tableName);
  return () => dynamo.stop();
}
