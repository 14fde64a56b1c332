import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { documentClient } from "./client.ts";

export interface DbConfig {
  tableName: string;
  /**
   * The deployable's own client: platform items (tenant registry, identities) for the API; national
   * summaries for the aggregator, which also reads every province with it.
   */
  client: DynamoDBClient;
  /** The client for one tenant's items; on AWS it holds credentials scoped to that tenant. */
  clientForTenant?: (tenantId: string) => DynamoDBClient;
  /** The client for the national summaries (`N#`) the API reads; on AWS, the national role's, read only. */
  clientForNational?: () => DynamoDBClient;
}

let config: DbConfig | undefined;
const caches = new Set<Map<unknown, unknown>>();

/** Called once by each deployable (Lambda entry, local runtime, tests) before any use case. */
export function configureDb(next: DbConfig): void {
  config = next;
  for (const cache of caches) cache.clear();
}

/** ElectroDB's settings for one client: the document client and the table. */
export function entityConfig(client: DynamoDBClient) {
  if (!config) throw new Error("configureDb() was not called");
  return { client: documentClient(client), table: config.tableName };
}

export function currentConfig(): DbConfig {
  if (!config) throw new Error("configureDb() was not called");
  return config;
}

/** Builds a value once per key and configuration (services are cached per province, dropped on configureDb). */
export function cachedPerConfig<K, V>(build: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  caches.add(cache as Map<unknown, unknown>);
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** Builds a value once per configuration. */
export function oncePerConfig<V>(build: () => V): () => V {
  const get = cachedPerConfig((_: "once") => build());
  return () => get("once");
}
