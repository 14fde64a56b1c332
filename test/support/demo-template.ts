import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { copyItems, creationRecordsOf, onceForTheRun } from "@thidua/core/db/testing";
import { createLocalDirectory } from "@thidua/core/identity";
import { createAggregator, type StreamRecord } from "@thidua/core/national";
import { loadLocalConfig } from "@thidua/local/env";
import { seedDemo } from "@thidua/local/seed/index";
import { reportedProvinces } from "@thidua/local/seed/provinces";
import { inject } from "vitest";

/**
 * The demo, seeded once per run into a template table (the run's setup names it), with the national
 * summaries the aggregator makes of it: the seed's own test reads it, and each browser file gets a copy.
 * Seeding its 35 provinces through the use cases takes 40 s on a quiet machine and minutes on a loaded
 * one. The first file to ask seeds, whichever worker it runs in; the others wait. Seeded with the default
 * demo password, as the browser harness's runtime has it.
 */
export async function demoTemplate() {
  const client = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
  const tableName = inject("demoTemplateTable");
  await onceForTheRun(
    client,
    tableName,
    async () => {
      configureDb({ tableName, client });
      const { DEMO_PASSWORD } = loadLocalConfig(["--in-memory"], {});
      await seedDemo(DEMO_PASSWORD, createLocalDirectory({ baseUrl: "http://127.0.0.1", invitationHours: 72 }));
      // All of it in one batch: each province-year is summarised once.
      const records = (await creationRecordsOf(client, tableName)) as StreamRecord[];
      await createAggregator({ log: () => {} })({ Records: records });
    },
    6,
  );
  return { client, tableName };
}

/**
 * The demo copied into `table`: the platform's items (the registry of all 35 provinces, accounts), the
 * national summaries of all, and the data of the three provinces the source reports describe, which the
 * browser tests act in (a copy of all 6,500 items takes 30-80 s: DynamoDB Local writes a few hundred a
 * second). The copy's stream feeds the table's national aggregator, which summarises those three again
 * and whatever a test changes, as `npm start` does.
 */
export async function copyDemoInto(table: string): Promise<void> {
  const { client, tableName } = await demoTemplate();
  await ensureTable(client, table);
  const reported = [...reportedProvinces].map((id) => `T#${id}#`);
  await copyItems(client, tableName, table, (pk) => !pk.startsWith("T#") || reported.some((p) => pk.startsWith(p)));
}
