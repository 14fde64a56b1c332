/**
 * The single table, defined once. The local bootstrap creates it from here and
 * infra/ synthesizes the CloudFormation table from the same object, so the keys
 * and indexes cannot drift apart.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Generic overloaded indexes; entities decide what their keys mean. */
  globalIndexes: [
    { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  ],
  /** The national aggregator reads changes from the stream. */
  stream: "NEW_AND_OLD_IMAGES",
} as const;

export type TableDefinition = typeof tableDefinition;

/**
 * The one table besides the single table: rate-limit counters (sign-in attempts), as the rate limiter
 * keeps them. It holds no tenant data; a counter expires by itself (TTL on `expire`).
 */
export const limitsTableDefinition = {
  partitionKey: "key",
  ttlAttribute: "expire",
  /** Its name is the single table's with this suffix, unless configured. */
  nameSuffix: "-limits",
} as const;
export type GlobalIndexName = (typeof tableDefinition.globalIndexes)[number]["name"];

/** Key prefixes: every tenant item's partition key (table and indexes) starts with `T#<tenant>#`. */
export const keyPrefix = {
  tenant: (tenantId: string) => `T#${tenantId}#`,
  national: (year: number | string) => `N#${year}`,
  platform: "P#",
} as const;

/** The province a partition key belongs to, or undefined for platform and national keys. */
export const tenantOfKey = (pk: string | undefined): string | undefined => /^T#([^#]+)#/.exec(pk ?? "")?.[1];
