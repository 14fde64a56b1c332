import { z } from "zod";

/** Request body limits, in bytes. Lambda takes at most 6 MB in a request, so the import's limit stays below. */
export const BodyLimitsEnv = z.object({
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  IMPORT_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(6_000_000).default(6_000_000),
});

/** The limits the API's body check takes, from the configuration (its defaults when nothing is set). */
export function bodyLimitsOf(env: z.infer<typeof BodyLimitsEnv> = BodyLimitsEnv.parse({})) {
  return { json: env.BODY_LIMIT_BYTES, import: env.IMPORT_BODY_LIMIT_BYTES };
}

/** The API's configuration; nothing else in functions/ reads process.env. */
export const ApiEnv = BodyLimitsEnv.extend({
  TABLE_NAME: z.string().min(3).default("thidua"),
  AWS_REGION: z.string().default("ap-southeast-1"),
  /** DynamoDB Local's URL; unset on AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** The private bucket of evidence files (keys `T/<tenantId>/…`). */
  FILES_BUCKET: z.string().min(3).max(63),
  /** A local S3-compatible server's URL; unset on AWS. */
  S3_ENDPOINT: z.url().optional(),
  /** Who signs the tokens: the Cognito user pool URL on AWS, the local identity provider locally. */
  AUTH_ISSUER: z.string().min(1),
  /** The Cognito app client id (the `aud` of its ID tokens). */
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URL: z.url(),
  /** Told to the dashboard so it can sign in with Cognito. */
  COGNITO_USER_POOL_ID: z.string().min(1),
  /**
   * On AWS: the role assumed (with a `TenantId` session tag) for one tenant's items. Unset locally,
   * where DynamoDB Local enforces no IAM and the plain client serves every tenant.
   */
  TENANT_ROLE_ARN: z.string().startsWith("arn:").optional(),
  /** On AWS: the role limited to reading the national aggregates (`N#`). */
  NATIONAL_ROLE_ARN: z.string().startsWith("arn:").optional(),
  /** On AWS: the function that draws and stores documents (Word, Excel), invoked by the API. */
  DOCUMENTS_FUNCTION_NAME: z.string().min(1).max(140).optional(),
  /** On AWS: the function that exports, imports and erases a province whole, invoked by the API. */
  ARCHIVE_FUNCTION_NAME: z.string().min(1).max(140).optional(),
});
export type ApiEnv = z.infer<typeof ApiEnv>;

/** The national aggregator's configuration (the stream consumer). */
export const AggregateEnv = ApiEnv.pick({ TABLE_NAME: true, AWS_REGION: true, DYNAMODB_ENDPOINT: true });
export type AggregateEnv = z.infer<typeof AggregateEnv>;

/** The documents function's configuration: where it stores what it draws. */
export const DocumentsEnv = ApiEnv.pick({ AWS_REGION: true, FILES_BUCKET: true, S3_ENDPOINT: true });
export type DocumentsEnv = z.infer<typeof DocumentsEnv>;

/** The archive function's configuration: the table and the bucket it moves a province through. */
export const ArchiveEnv = ApiEnv.pick({
  TABLE_NAME: true,
  AWS_REGION: true,
  DYNAMODB_ENDPOINT: true,
  FILES_BUCKET: true,
  S3_ENDPOINT: true,
});
export type ArchiveEnv = z.infer<typeof ArchiveEnv>;

function parse<T extends z.ZodType>(schema: T, what: string, source: Record<string, string | undefined>): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid ${what} configuration: ${problems}`);
  }
  return parsed.data;
}

export function loadApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  return parse(ApiEnv, "API", source);
}

export function loadAggregateEnv(source: Record<string, string | undefined> = process.env): AggregateEnv {
  return parse(AggregateEnv, "aggregator", source);
}

export function loadDocumentsEnv(source: Record<string, string | undefined> = process.env): DocumentsEnv {
  return parse(DocumentsEnv, "documents", source);
}

export function loadArchiveEnv(source: Record<string, string | undefined> = process.env): ArchiveEnv {
  return parse(ArchiveEnv, "archive", source);
}

/**
 * What the stacks must set for each Lambda entry (`functions/src/lambda/<name>.ts`); the rest of each schema
 * is local-only (endpoints of DynamoDB Local and the S3 server) or a tunable with a default. The deploy
 * rehearsal holds infra's functions to it: nothing here missing, nothing set that the entry does not read.
 */
export const LAMBDA_ENVIRONMENTS = {
  api: {
    schema: ApiEnv,
    fromStack: [
      "TABLE_NAME",
      "FILES_BUCKET",
      "AUTH_ISSUER",
      "AUTH_AUDIENCE",
      "AUTH_JWKS_URL",
      "COGNITO_USER_POOL_ID",
      "TENANT_ROLE_ARN",
      "NATIONAL_ROLE_ARN",
      "DOCUMENTS_FUNCTION_NAME",
      "ARCHIVE_FUNCTION_NAME",
    ] satisfies (keyof ApiEnv)[],
  },
  aggregate: { schema: AggregateEnv, fromStack: ["TABLE_NAME"] satisfies (keyof AggregateEnv)[] },
  documents: { schema: DocumentsEnv, fromStack: ["FILES_BUCKET"] satisfies (keyof DocumentsEnv)[] },
  archive: { schema: ArchiveEnv, fromStack: ["TABLE_NAME", "FILES_BUCKET"] satisfies (keyof ArchiveEnv)[] },
} as const;

/** Set only by the local runtime: on AWS the SDK finds the services itself. */
export const LOCAL_ONLY_VARIABLES = ["DYNAMODB_ENDPOINT", "S3_ENDPOINT"] satisfies (keyof ApiEnv)[];
