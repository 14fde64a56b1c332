import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { copyItems, onceForTheRun } from "@thidua/core/db/testing";
import { createLocalDirectory } from "@thidua/core/identity";
import { seedDemo } from "@thidua/local/seed/index";

/**
 * The demo, seeded once per run into a template table and copied into each browser file's own table.
 * Seeding through the use cases takes 16 s on a quiet machine and a minute or more on a loaded one; a
 * copy takes a second or two. The first file to ask seeds, whichever worker it runs in; the others wait.
 * The copy's stream feeds the national aggregator as the seed's would, so each table gets its national
 * summaries as `npm start` does.
 */
export async function copyDemoInto({
  endpoint,
  template,
  table,
  password,
}: {
  endpoint: string;
  template: string;
  table: string;
  password: string;
}): Promise<void> {
  const client = createClient({ region: "local", endpoint });
  await onceForTheRun(client, template, async () => {
    configureDb({ tableName: template, client });
    await seedDemo(password, createLocalDirectory({ baseUrl: "http://127.0.0.1", invitationHours: 72 }));
  });
  await ensureTable(client, table);
  await copyItems(client, template, table);
}
