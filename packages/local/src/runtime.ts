import { join } from "node:path";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { type App, createApp, type Logger } from "@thidua/functions/app";
import { createVerifier } from "@thidua/functions/auth";
import { startDynamo } from "./dynamo.ts";
import type { LocalConfig } from "./env.ts";
import { createLocalIdp, type LocalIdp } from "./idp.ts";
import { demoAccounts, seedDemo } from "./seed/index.ts";

export interface Runtime {
  app: App;
  idp: LocalIdp;
  endpoint: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * Everything behind `npm start` except the HTTP listener: DynamoDB Local, the
 * table, the identity provider, the demo seed and the API app.
 */
/** Fixed, so tokens survive a restart on another port. */
export const LOCAL_ISSUER = "thidua-local";

export async function startRuntime(config: LocalConfig, { log }: { log?: Logger } = {}): Promise<Runtime> {
  const dynamo = config.DYNAMODB_ENDPOINT
    ? { endpoint: config.DYNAMODB_ENDPOINT, stop: async () => {} }
    : await startDynamo({ path: config.inMemory ? undefined : join(config.dataDir, "dynamodb") });
  try {
    const client = createClient({ region: "local", endpoint: dynamo.endpoint });
    await ensureTable(client, config.TABLE_NAME);
    configureDb({ tableName: config.TABLE_NAME, client });
    const idp = await createLocalIdp({
      issuer: LOCAL_ISSUER,
      keyFile: config.inMemory ? undefined : join(config.dataDir, "idp-signing-key.json"),
    });
    const { created } = await seedDemo(config.DEMO_PASSWORD);
    const app = createApp({
      verify: createVerifier({ issuer: idp.issuer, audience: idp.audience, keys: idp.keys }),
      localIssuer: idp,
      ...(log ? { log } : {}),
      authConfig: {
        provider: "local",
        demo: { password: config.DEMO_PASSWORD, accounts: demoAccounts },
      },
    });
    return { app, idp, endpoint: dynamo.endpoint, seeded: created, stop: dynamo.stop };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
