import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AssumeRoleCommand, type AssumeRoleCommandOutput, STSClient } from "@aws-sdk/client-sts";
import { createS3Client, PRESIGNED_URL_MAX_SECONDS, type S3Client } from "@thidua/core/files";

/**
 * Tenant-scoped DynamoDB and S3 credentials on AWS.
 *
 * The API function's own role cannot touch tenant items. For a tenant it assumes the
 * TenantDataRole with the session tag `TenantId=<tenant>`; that role's policy allows only
 * keys matching `T#${aws:PrincipalTag/TenantId}#*` (dynamodb:LeadingKeys) and objects under
 * `T/${aws:PrincipalTag/TenantId}/`, so a bug that builds another tenant's key is refused by
 * IAM, not only by the application.
 *
 * Credentials are cached per tenant for the life of the Lambda container and renewed
 * shortly before they expire; concurrent requests for one tenant share a single AssumeRole.
 */

/** The session tag the TenantDataRole's policy reads as `aws:PrincipalTag/TenantId`. */
export const TENANT_TAG = "TenantId";

/** Renew this long before expiry. The AWS SDK itself refreshes identities 5 minutes ahead. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * A presigned URL stops working when the credentials that signed it expire: S3 signs only with credentials
 * that outlive the longest URL by the usual margin.
 */
export const PRESIGN_MARGIN_MS = REFRESH_MARGIN_MS + PRESIGNED_URL_MAX_SECONDS * 1000;

/** One hour: the maximum for role chaining (a Lambda role assuming another role). */
const SESSION_SECONDS = 3600;

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** What we need of `STSClient.send`: injected so the cache can be tested without STS. */
export type StsSend = (command: AssumeRoleCommand) => Promise<Pick<AssumeRoleCommandOutput, "Credentials">>;

export interface TenantCredentialsOptions {
  /** The TenantDataRole's ARN (env TENANT_ROLE_ARN). */
  roleArn: string;
  region: string;
  /** Defaults to a real STS client in `region`. */
  send?: StsSend;
  /** Clock, in milliseconds; defaults to Date.now. */
  now?: () => number;
}

export interface TenantCredentials {
  /** Credentials scoped to one tenant, from the cache while more than `marginMs` of them is left. */
  credentialsFor(tenantId: string, marginMs?: number): Promise<TemporaryCredentials>;
  /** A DynamoDB client whose every request signs with `credentialsFor(tenantId)`. */
  clientFor(tenantId: string): DynamoDBClient;
  /** An S3 client for the tenant's files, whose presigned URLs live as long as they say. */
  s3ClientFor(tenantId: string): Promise<S3Client>;
}

/** Session names allow `[\w+=,.@-]`, 2 to 64 characters; tenant ids are lowercase slugs already. */
export function sessionName(tenantId: string): string {
  return `tenant-${tenantId}`.replace(/[^\w+=,.@-]/g, "_").slice(0, 64);
}

export function createTenantCredentials({
  roleArn,
  region,
  send,
  now = Date.now,
}: TenantCredentialsOptions): TenantCredentials {
  const sts = send ?? defaultSend(region);
  const cache = new Map<string, Promise<TemporaryCredentials>>();
  const clients = new Map<string, DynamoDBClient>();
  const s3Clients = new Map<string, Promise<S3Client>>();

  async function assume(tenantId: string): Promise<TemporaryCredentials> {
    const { Credentials: c } = await sts(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: sessionName(tenantId),
        DurationSeconds: SESSION_SECONDS,
        Tags: [{ Key: TENANT_TAG, Value: tenantId }],
      }),
    );
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error(`AssumeRole for tenant ${tenantId} returned no credentials`);
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  }

  async function credentialsFor(tenantId: string, marginMs = REFRESH_MARGIN_MS): Promise<TemporaryCredentials> {
    const cached = cache.get(tenantId);
    if (cached) {
      // A pending or failed call is settled below; a settled one is checked for freshness.
      const credentials = await cached;
      if (credentials.expiration.getTime() - now() > marginMs) return credentials;
      if (cache.get(tenantId) !== cached) return credentialsFor(tenantId, marginMs); // another caller renewed
    }
    const pending = assume(tenantId);
    cache.set(tenantId, pending);
    try {
      return await pending;
    } catch (error) {
      // Never cache a failure: the next request tries again.
      if (cache.get(tenantId) === pending) cache.delete(tenantId);
      throw error;
    }
  }

  function clientFor(tenantId: string): DynamoDBClient {
    let client = clients.get(tenantId);
    if (!client) {
      // A provider, not fixed keys: the client outlives one session and asks again when they expire.
      client = new DynamoDBClient({ region, credentials: () => credentialsFor(tenantId) });
      clients.set(tenantId, client);
    }
    return client;
  }

  function s3ClientFor(tenantId: string): Promise<S3Client> {
    let client = s3Clients.get(tenantId);
    if (!client) {
      const shift = PRESIGN_MARGIN_MS - REFRESH_MARGIN_MS;
      client = createS3Client({
        region,
        // Told an expiry that much earlier, the SDK asks again while the real one is PRESIGN_MARGIN_MS away.
        credentials: async () => {
          const credentials = await credentialsFor(tenantId, PRESIGN_MARGIN_MS);
          return { ...credentials, expiration: new Date(credentials.expiration.getTime() - shift) };
        },
      }).catch((error) => {
        // The SDK's code failed to load: the next file tries again.
        s3Clients.delete(tenantId);
        throw error;
      });
      s3Clients.set(tenantId, client);
    }
    return client;
  }

  return { credentialsFor, clientFor, s3ClientFor };
}

function defaultSend(region: string): StsSend {
  const client = new STSClient({ region });
  return (command) => client.send(command);
}
