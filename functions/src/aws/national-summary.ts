import { ConditionalCheckFailedException, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { keyPrefix, tableDefinition } from "@thidua/core/db";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { jsonLogger, type Logger } from "../api/middleware/log.ts";

/**
 * The national aggregator: DynamoDB Streams → one summary per tenant-year under `N#<year>`.
 *
 * Idempotent by construction: every summary is recomputed from the table's current state
 * (never incremented), so a retried or replayed batch writes the same numbers. Until the
 * domain's own figures are defined, a summary counts the items per entity type in the
 * tenant partitions that changed (those of its year, when an item has a `year`), keeping
 * one count per partition so partitions changed in different batches add up. Records outside `T#` (the platform's `P#`, our own `N#`) are
 * ignored, which also keeps the aggregator from feeding on its own writes.
 */

/** Where a tenant-year's summary lives: the national partition of the year, one item per tenant. */
export const summaryKey = (tenantId: string, year: number) => ({
  [tableDefinition.partitionKey]: keyPrefix.national(year),
  [tableDefinition.sortKey]: `TENANT#${tenantId}`,
});

export type EntityCounts = Record<string, number>;

export interface NationalSummary {
  tenantId: string;
  year: number;
  /** Items per entity type, over every partition seen for this tenant-year. */
  counts: EntityCounts;
  /** The same counts per tenant partition (the unit of recomputation). */
  partitions: Record<string, EntityCounts>;
  version: number;
  updatedAt: string;
}

/** The tenant-years a batch touches, with the partitions to recount for each. */
export interface Change {
  tenantId: string;
  year: number;
  partitions: Set<string>;
}

/** ElectroDB's entity-name attribute; items without one count as "unknown". */
const ENTITY_ATTRIBUTE = "__edb_e__";
/** Vietnam's offset (no daylight saving): a change made on 1 January at 06:00 there belongs to the new year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const MAX_ATTEMPTS = 5;

const tenantOf = (pk: string | undefined) => /^T#([^#]+)#/.exec(pk ?? "")?.[1];
/** Partitions that only grow and say nothing of a province's year: recounting them would cost more each time. */
const IGNORED_PARTITION = /#(AUDIT|IMPORTS)$/;

/** The year an item belongs to: its own `year` attribute when it has one, else the year of the change. */
function yearOf(record: DynamoDBRecord): number {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const own = Number(image?.year?.N ?? image?.year?.S);
  if (Number.isInteger(own) && own > 1900 && own < 3000) return own;
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  const at = seconds ? seconds * 1000 : Date.now();
  return new Date(at + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/** Groups a batch's records by tenant-year; records outside tenant partitions are skipped. */
export function changesIn(records: readonly DynamoDBRecord[]): Change[] {
  const byKey = new Map<string, Change>();
  for (const record of records) {
    const pk = record.dynamodb?.Keys?.[tableDefinition.partitionKey]?.S;
    const tenantId = tenantOf(pk);
    if (!pk || !tenantId || IGNORED_PARTITION.test(pk)) continue;
    const year = yearOf(record);
    const key = `${tenantId}|${year}`;
    let change = byKey.get(key);
    if (!change) {
      change = { tenantId, year, partitions: new Set() };
      byKey.set(key, change);
    }
    change.partitions.add(pk);
  }
  return [...byKey.values()];
}

export interface AggregatorDeps {
  client: DynamoDBClient;
  tableName: string;
  log?: Logger;
  now?: () => Date;
}

/** One tenant-year's summary as last written (strongly consistent), or undefined. */
export async function readNationalSummary(
  { client, tableName }: Pick<AggregatorDeps, "client" | "tableName">,
  tenantId: string,
  year: number,
): Promise<NationalSummary | undefined> {
  const { Item } = await DynamoDBDocumentClient.from(client).send(
    new GetCommand({ TableName: tableName, Key: summaryKey(tenantId, year), ConsistentRead: true }),
  );
  return Item as NationalSummary | undefined;
}

export function createAggregator({ client, tableName, log = jsonLogger, now = () => new Date() }: AggregatorDeps) {
  const db = DynamoDBDocumentClient.from(client);

  /**
   * Counts one partition's items of a year per entity type (items without a `year` count in every
   * year), with a strongly consistent read of the current state.
   */
  async function countPartition(pk: string, year: number): Promise<EntityCounts> {
    const counts: EntityCounts = {};
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "#pk = :pk",
          ProjectionExpression: "#e, #y",
          ExpressionAttributeNames: { "#pk": tableDefinition.partitionKey, "#e": ENTITY_ATTRIBUTE, "#y": "year" },
          ExpressionAttributeValues: { ":pk": pk },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.year !== undefined && Number(item.year) !== year) continue;
        const entity = typeof item[ENTITY_ATTRIBUTE] === "string" ? item[ENTITY_ATTRIBUTE] : "unknown";
        counts[entity] = (counts[entity] ?? 0) + 1;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return counts;
  }

  /** Recomputes one tenant-year: recount the changed partitions, then rewrite the summary (optimistic lock). */
  async function recompute({ tenantId, year, partitions }: Change): Promise<NationalSummary> {
    const recounted = new Map<string, EntityCounts>();
    for (const pk of partitions) recounted.set(pk, await countPartition(pk, year));

    for (let attempt = 1; ; attempt++) {
      const current = await readNationalSummary({ client, tableName }, tenantId, year);
      const byPartition: Record<string, EntityCounts> = { ...current?.partitions };
      for (const [pk, counts] of recounted) {
        if (Object.keys(counts).length === 0) delete byPartition[pk];
        else byPartition[pk] = counts;
      }
      const counts: EntityCounts = {};
      for (const partition of Object.values(byPartition)) {
        for (const [entity, n] of Object.entries(partition)) counts[entity] = (counts[entity] ?? 0) + n;
      }
      const next: NationalSummary = {
        tenantId,
        year,
        counts,
        partitions: byPartition,
        version: (current?.version ?? 0) + 1,
        updatedAt: now().toISOString(),
      };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...summaryKey(tenantId, year), ...next },
            // Another shard may be summarising another partition of the same tenant-year.
            ConditionExpression: current ? "#v = :v" : "attribute_not_exists(#pk)",
            ExpressionAttributeNames: current ? { "#v": "version" } : { "#pk": tableDefinition.partitionKey },
            ...(current ? { ExpressionAttributeValues: { ":v": current.version } } : {}),
          }),
        );
        return next;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The Lambda handler: throwing makes Lambda retry (and bisect) the batch, then send it to the DLQ. */
  return async function aggregate(event: DynamoDBStreamEvent): Promise<void> {
    const changes = changesIn(event.Records);
    for (const change of changes) await recompute(change);
    log({
      level: "info",
      msg: "aggregate",
      records: event.Records.length,
      summaries: changes.map((c) => `${c.tenantId}/${c.year}`),
    });
  };
}
