import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Entity, Service } from "electrodb";
import { identitySchema } from "../identity/identity.entity.ts";
import { tenantSchema } from "../tenant/tenant.entity.ts";
import { documentClient } from "./client.ts";

export { ensureTable } from "./bootstrap.ts";
export { createClient } from "./client.ts";
export { keyPrefix, tableDefinition } from "./table.ts";

function buildService(client: DynamoDBClient, table: string) {
  const config = { client: documentClient(client), table };
  return new Service(
    {
      tenant: new Entity(tenantSchema, config),
      identity: new Entity(identitySchema, config),
    },
    config,
  );
}
export type Db = ReturnType<typeof buildService>;

export interface DbConfig {
  tableName: string;
  /** The client for platform-level items (tenant registry, identities). */
  client: DynamoDBClient;
  /** The client for one tenant's items; on AWS it holds credentials scoped to that tenant. */
  clientForTenant?: (tenantId: string) => DynamoDBClient;
}

let config: DbConfig | undefined;
let platform: Db | undefined;
const byTenant = new Map<string, Db>();

/** Called once by each deployable (Lambda entry, local runtime, tests) before any use case. */
export function configureDb(next: DbConfig): void {
  config = next;
  platform = undefined;
  byTenant.clear();
}

function current(): DbConfig {
  if (!config) throw new Error("configureDb() was not called");
  return config;
}

/** Entities for the platform's own items (`P#`). */
export function platformDb(): Db {
  platform ??= buildService(current().client, current().tableName);
  return platform;
}

/** Entities bound to one tenant's client, cached per tenant. */
export function tenantDb(tenantId: string): Db {
  let db = byTenant.get(tenantId);
  if (!db) {
    const c = current();
    db = buildService(c.clientForTenant?.(tenantId) ?? c.client, c.tableName);
    byTenant.set(tenantId, db);
  }
  return db;
}

/** True when an ElectroDB/DynamoDB error is a failed condition (stale version, duplicate key). */
export function isConditionFailure(error: unknown): boolean {
  const e = error as { cause?: { name?: string }; name?: string } | undefined;
  const name = e?.cause?.name ?? e?.name;
  return name === "ConditionalCheckFailedException" || name === "TransactionCanceledException";
}
