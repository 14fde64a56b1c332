import { join } from "node:path";
import { inProcessRunner } from "@thidua/core/archive";
import {
  configureDb,
  createClient,
  createLimitsStore,
  ensureLimitsTable,
  ensureTable,
  limitsTableDefinition,
} from "@thidua/core/db";
import { configureFiles, lazyS3Client } from "@thidua/core/files";
import { createLocalDirectory, type OutboxMessage } from "@thidua/core/identity";
import { jsonLogger, type Logger } from "@thidua/core/log";
import { createAggregator } from "@thidua/core/national";
import { type App, createApp } from "@thidua/functions/app";
import { createSignInGuard, createVerifier } from "@thidua/functions/auth";
import { previewInProcess, renderInProcess } from "@thidua/functions/documents/render";
import { bodyLimitsOf } from "@thidua/functions/env";
import { startDynamo } from "./dynamo.ts";
import type { LocalConfig } from "./env.ts";
import { createLocalIdp, type LocalIdp } from "./idp.ts";
import { startS3 } from "./s3.ts";
import { demoAccounts, demoProvinces, type SeedProgress, seedDemo } from "./seed/index.ts";
import { reportedProvinces } from "./seed/provinces.ts";
import { type StreamPoller, startStreamPoller } from "./stream-poller.ts";

export interface Runtime {
  app: App;
  idp: LocalIdp;
  endpoint: string;
  /** The local S3-compatible server holding evidence files. */
  filesEndpoint: string;
  seeded: boolean;
  poller: StreamPoller;
  stop(): Promise<void>;
}

/** Fixed, so tokens survive a restart on another port. */
export const LOCAL_ISSUER = "thidua-local";

/** Locally the aggregator speaks up only when something fails. */
const errorsOnly: Logger = (entry) => {
  if (entry.level === "error") jsonLogger(entry);
};

/**
 * Everything behind `npm start` except the HTTP listener: DynamoDB Local, the
 * table, the S3-compatible server for files, the identity provider, the demo
 * seed, the stream poller feeding the national aggregator, and the API app.
 */
export async function startRuntime(
  config: LocalConfig,
  {
    log,
    deliver,
    onSeedProgress,
  }: {
    log?: Logger;
    deliver?: (message: OutboxMessage) => void;
    onSeedProgress?: (progress: SeedProgress) => void;
  } = {},
): Promise<Runtime> {
  const dynamo = config.DYNAMODB_ENDPOINT
    ? { endpoint: config.DYNAMODB_ENDPOINT, stop: async () => {} }
    : await startDynamo({ path: config.inMemory ? undefined : join(config.dataDir, "dynamodb") });
  // Stopped in reverse order of starting: the poller before the database it reads.
  const stops: (() => Promise<void>)[] = [dynamo.stop];
  const stop = async () => {
    for (const fn of stops) await fn();
  };
  try {
    const client = createClient({ region: "local", endpoint: dynamo.endpoint });
    const limitsTable = config.LIMITS_TABLE_NAME ?? `${config.TABLE_NAME}${limitsTableDefinition.nameSuffix}`;
    await ensureTable(client, config.TABLE_NAME);
    await ensureLimitsTable(client, limitsTable);
    configureDb({ tableName: config.TABLE_NAME, client });
    const s3 = await startS3({
      directory: config.inMemory ? undefined : join(config.dataDir, "s3"),
      bucket: config.FILES_BUCKET,
    });
    stops.unshift(s3.stop);
    configureFiles({ bucket: s3.bucket, client: lazyS3Client({ region: "local", endpoint: s3.endpoint }) });
    const idp = await createLocalIdp({
      issuer: LOCAL_ISSUER,
      keyFile: config.inMemory ? undefined : join(config.dataDir, "idp-signing-key.json"),
    });
    const poller = await startStreamPoller({
      client,
      endpoint: dynamo.endpoint,
      tableName: config.TABLE_NAME,
      handler: createAggregator({ log: log ?? errorsOnly }),
    });
    stops.unshift(poller.stop);
    const links = {
      baseUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
      invitationHours: config.INVITATION_HOURS,
    };
    const directory = createLocalDirectory({ ...links, ...(deliver ? { deliver } : {}) });
    // The demo accounts' invitations are accepted at once: nobody needs them printed.
    const provinces = demoProvinces.filter(
      ({ tenantId }) => config.DEMO === "all" || (config.DEMO === "reports" && reportedProvinces.has(tenantId)),
    );
    const { seeded } = await seedDemo(config.DEMO_PASSWORD, createLocalDirectory(links), {
      provinces,
      onProgress: onSeedProgress,
    });
    const app = createApp({
      limits: bodyLimitsOf(config),
      verify: createVerifier({ issuer: idp.issuer, audience: idp.audience, keys: idp.keys }),
      directory,
      // Documents drawn in process (on AWS, by the documents function the API invokes).
      renderDocument: renderInProcess,
      previewDocument: previewInProcess,
      // Exports, imports and erases run in this process (on AWS, in the archive function the API invokes).
      runArchiveJob: inProcessRunner((error) => console.error("A province archive job stopped:", error)).run,
      localSignIn: {
        issuer: idp,
        directory,
        guard: createSignInGuard({
          store: createLimitsStore({ region: "local", endpoint: dynamo.endpoint }),
          tableName: limitsTable,
        }),
      },
      ...(log ? { log } : {}),
      authConfig: {
        provider: "local",
        demo: { password: config.DEMO_PASSWORD, accounts: demoAccounts },
      },
    });
    return { app, idp, endpoint: dynamo.endpoint, filesEndpoint: s3.endpoint, seeded: seeded > 0, poller, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
