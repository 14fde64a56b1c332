import { resolve } from "node:path";
import { BodyLimitsEnv } from "@thidua/functions/env";
import { z } from "zod";

/** The local runtime's configuration; nothing else in packages/local reads process.env. */
const LocalEnv = BodyLimitsEnv.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** Where DynamoDB Local keeps its file and the identity provider its signing key. */
  DATA_DIR: z.string().default(".data"),
  TABLE_NAME: z.string().min(3).default("thidua"),
  /** The rate limiter's table (sign-in attempts); the table's name with `-limits` unless set. */
  LIMITS_TABLE_NAME: z.string().min(3).optional(),
  /** Use an already running DynamoDB (e.g. `docker run amazon/dynamodb-local`) instead of starting one. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** The bucket of evidence files on the local S3-compatible server (kept in `<DATA_DIR>/s3`). */
  FILES_BUCKET: z.string().min(3).max(63).default("thidua-files"),
  /**
   * The demo seeded on first start: `all` 35 provinces (a minute or more), `reports` the three the source
   * reports describe (seconds), `none` nothing but the operator and the national viewer.
   */
  DEMO: z.enum(["all", "reports", "none"]).default("all"),
  /** Password of every demo account (it must pass the password rules: ten characters or more). */
  DEMO_PASSWORD: z.string().min(10).default("thidua2025"),
  /** Where people open the dashboard, for the links in invitations: `http://localhost:<PORT>` unless set. */
  PUBLIC_URL: z.url().optional(),
  /** How long an invitation link works, in hours. */
  INVITATION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** `info`: the terminal shows errors (requests go to `<DATA_DIR>/requests.log`); `debug`: each request too. */
  LOG_LEVEL: z.enum(["info", "debug"]).default("info"),
});

export interface LocalConfig extends z.infer<typeof LocalEnv> {
  inMemory: boolean;
  dataDir: string;
}

export function loadLocalConfig(argv: string[] = process.argv.slice(2), source = process.env): LocalConfig {
  const parsed = LocalEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  // The AWS SDK's notice about Node 20 support is not actionable for someone trying the product.
  source.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return { ...parsed.data, inMemory: argv.includes("--in-memory"), dataDir: resolve(parsed.data.DATA_DIR) };
}
