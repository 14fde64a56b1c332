import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Entity, Service } from "electrodb";
import { auditSchema } from "../audit/audit.entity.ts";
import { awardTypeSchema } from "../award/award-type.entity.ts";
import { blocSchema } from "../bloc/bloc.entity.ts";
import { blocYearSchema } from "../bloc/bloc-year.entity.ts";
import { membershipSchema } from "../bloc/membership.entity.ts";
import { criteriaSchema } from "../criteria/criteria.entity.ts";
import { type AppError, conflict } from "../error.ts";
import { identitySchema } from "../identity/identity.entity.ts";
import { importJobSchema } from "../import/import-job.entity.ts";
import { quotaSchema } from "../quota/quota.entity.ts";
import { ruleOverrideSchema } from "../rules/rules.entity.ts";
import { tenantSchema } from "../tenant/tenant.entity.ts";
import { unitSchema } from "../unit/unit.entity.ts";
import { documentClient } from "./client.ts";

export { ensureTable, streamArnOf } from "./bootstrap.ts";
export { createClient } from "./client.ts";
export { keyPrefix, tableDefinition } from "./table.ts";

function buildService(client: DynamoDBClient, table: string) {
  const config = { client: documentClient(client), table };
  return new Service(
    {
      tenant: new Entity(tenantSchema, config),
      identity: new Entity(identitySchema, config),
      audit: new Entity(auditSchema, config),
      unit: new Entity(unitSchema, config),
      ruleOverride: new Entity(ruleOverrideSchema, config),
      bloc: new Entity(blocSchema, config),
      blocYear: new Entity(blocYearSchema, config),
      membership: new Entity(membershipSchema, config),
      importJob: new Entity(importJobSchema, config),
      awardType: new Entity(awardTypeSchema, config),
      quota: new Entity(quotaSchema, config),
      criteria: new Entity(criteriaSchema, config),
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

interface TransactionResult {
  canceled: boolean;
  data: ReadonlyArray<{ rejected: boolean; code: string }>;
}

/** The position of the first item whose condition failed, or -1. */
export const rejectedCondition = (result: TransactionResult): number =>
  result.canceled ? result.data.findIndex((r) => r.rejected && r.code === "ConditionalCheckFailed") : -1;

/**
 * Checks a write transaction's outcome. A rejected condition means the data
 * moved under the caller (stale version, duplicate): `onConflict` names the
 * error for the first rejected item, by its position in the transaction.
 */
export function assertCommitted(result: TransactionResult, onConflict: (index: number) => AppError): void {
  if (!result.canceled) return;
  const index = rejectedCondition(result);
  if (index >= 0) throw onConflict(index);
  const codes = result.data.map((r) => r.code);
  // Another transaction held one of the items at that moment: the caller may simply retry.
  if (codes.includes("TransactionConflict"))
    throw conflict("transaction.conflict", "A concurrent change got there first; retry");
  throw new Error(`Transaction canceled: ${codes.join(", ")}`);
}
