import { createHash } from "node:crypto";
import { type AttributeValue, ScanCommand } from "@aws-sdk/client-dynamodb";
import { writeAll } from "./batch.ts";
import { currentConfig } from "./config.ts";
import { tenantSchemas } from "./province.ts";
import { keyPrefix, tableDefinition } from "./table.ts";

/*
 * A province's items as the table stores them (DynamoDB JSON), for the operator's jobs that move a province
 * whole: export, import, erase. Never on a request path: finding them is a Scan of the table, with the
 * deployable's own client (tenant credentials may not Scan). Only the archive module reaches here (a
 * dependency rule); every item written or deleted is checked to be the province's, in every key.
 */

export type StoredItem = Record<string, AttributeValue>;

const partitionKeys = [tableDefinition.partitionKey, ...tableDefinition.globalIndexes.map((i) => i.partitionKey)];

/** Whether every partition key the item has (table and indexes) is the province's. */
export function belongsTo(tenantId: string, item: StoredItem): boolean {
  const prefix = keyPrefix.tenant(tenantId);
  if (!item[tableDefinition.partitionKey]?.S || !item[tableDefinition.sortKey]?.S) return false;
  return partitionKeys.every((key) => item[key] === undefined || item[key]?.S?.startsWith(prefix) === true);
}

/** The province's items, a page at a time (a page may be empty: the scan filters the whole table). */
export async function* provinceItemPages(tenantId: string, limit?: number): AsyncGenerator<StoredItem[]> {
  const { client, tableName } = currentConfig();
  let start: StoredItem | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "begins_with(#pk, :prefix)",
        ExpressionAttributeNames: { "#pk": tableDefinition.partitionKey },
        ExpressionAttributeValues: { ":prefix": { S: keyPrefix.tenant(tenantId) } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
        ...(limit ? { Limit: limit } : {}),
      }),
    );
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Whether the province has any item at all. */
export async function provinceHasItems(tenantId: string): Promise<boolean> {
  for await (const page of provinceItemPages(tenantId)) if (page.length > 0) return true;
  return false;
}

function refuseForeign(tenantId: string, items: StoredItem[]) {
  const foreign = items.find((item) => !belongsTo(tenantId, item));
  if (foreign) throw new Error(`Refused an item outside province ${tenantId}: ${JSON.stringify(foreign.pk)}`);
}

/** Puts items as they are (an import: the same item put twice is the same item). 25 per request. */
export async function putProvinceItems(tenantId: string, items: StoredItem[]): Promise<void> {
  refuseForeign(tenantId, items);
  const { client, tableName } = currentConfig();
  for (let i = 0; i < items.length; i += 25)
    await writeAll(
      client,
      tableName,
      items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    );
}

/** Deletes items by their keys (an erase: deleting what is gone already changes nothing). 25 per request. */
export async function deleteProvinceItems(tenantId: string, items: StoredItem[]): Promise<void> {
  refuseForeign(tenantId, items);
  const { client, tableName } = currentConfig();
  const { partitionKey: pk, sortKey: sk } = tableDefinition;
  for (let i = 0; i < items.length; i += 25)
    await writeAll(
      client,
      tableName,
      items
        .slice(i, i + 25)
        .map((item) => ({ DeleteRequest: { Key: { [pk]: item[pk], [sk]: item[sk] } as StoredItem } })),
    );
}

/**
 * What a province's stored items mean, as one short fingerprint of every tenant entity's schema (attributes,
 * keys, versions): an archive made under other schemas would be read wrongly, so it is refused.
 */
export const provinceSchemaVersion = (): string =>
  createHash("sha256").update(JSON.stringify(tenantSchemas)).digest("hex").slice(0, 16);
