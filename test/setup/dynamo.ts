import { createClient, ensureLimitsTable, ensureTable } from "@thidua/core/db";
import { createOlderTable } from "@thidua/core/db/testing";
import { startDynamo } from "@thidua/local/dynamo";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
    limitsTableName: string;
    /** A table made as an older deployment made it, then brought up to date by ensureTable. */
    upgradedTable: { name: string; result: string };
    /** Empty until a browser file asks for the demo: the first one seeds it there, for all to copy. */
    demoTemplateTable: string;
  }
}

/**
 * Starts one in-memory DynamoDB Local for the run and creates the table once. An older table is brought
 * up to date here too, before the run keeps DynamoDB Local busy: under load, DynamoDB Local was seen to
 * leave an index it builds on an existing table in CREATING for good (the test asserts the outcome).
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamo();
  const tableName = "thidua-test";
  const limitsTableName = "thidua-test-limits";
  const client = createClient({ region: "local", endpoint: dynamo.endpoint });
  await ensureTable(client, tableName);
  await ensureLimitsTable(client, limitsTableName);
  const demoTemplate = "thidua-test-demo-template";
  // No stream: the demo is summarised once from its items (test/support/demo-template.ts), and DynamoDB
  // Local writes the seed's tens of thousands of changes many times faster to a table without one.
  await ensureTable(client, demoTemplate, { stream: false });
  const upgraded = "thidua-test-older";
  await createOlderTable(client, upgraded);
  const result = await ensureTable(client, upgraded);
  project.provide("upgradedTable", { name: upgraded, result });
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("tableName", tableName);
  project.provide("limitsTableName", limitsTableName);
  project.provide("demoTemplateTable", demoTemplate);
  return () => dynamo.stop();
}
