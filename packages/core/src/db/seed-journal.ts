import { PutItemCommand, QueryCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { writeAll } from "./batch.ts";
import { currentConfig } from "./config.ts";

/*
 * The local demo seed's journal: the provinces it finished, kept in the table beside their data so the two
 * never disagree (a data folder copied or removed takes its journal with it). Its items sit under their own
 * key, which no province's query or the national aggregator reads.
 */

const JOURNAL = "SEED#";

export interface SeedJournal {
  /** Provinces the seed began: created by it, not by an operator nor by a seed older than the journal. */
  begun: Set<string>;
  /** Provinces the seed finished. */
  done: Set<string>;
}

export async function readSeedJournal(): Promise<SeedJournal> {
  const { client, tableName } = currentConfig();
  const sks: string[] = [];
  let start: QueryCommand["input"]["ExclusiveStartKey"];
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: JOURNAL } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) if (item.sk?.S) sks.push(item.sk.S);
    start = page.LastEvaluatedKey;
  } while (start);
  const marked = (prefix: string) =>
    new Set(sks.filter((sk) => sk.startsWith(prefix)).map((sk) => sk.slice(prefix.length)));
  return { begun: marked("BEGUN#"), done: marked("DONE#") };
}

const put = async (sk: string) => {
  const { client, tableName } = currentConfig();
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: { pk: { S: JOURNAL }, sk: { S: sk }, at: { S: new Date().toISOString() } },
    }),
  );
};

/** Written before the seed's first change to a province: begun and not done, it was left half-made. */
export const markSeedBegun = (tenantId: string) => put(`BEGUN#${tenantId}`);

export const markSeedDone = (tenantId: string) => put(`DONE#${tenantId}`);

/**
 * Deletes every item of a province and its people's sign-in identities, keeping its entry in the registry
 * (and the operators' trail): for the local seed to start again a province it left half-made. A scan of
 * the whole table, fit for a local one only.
 */
export async function clearProvinceLocally(tenantId: string): Promise<number> {
  const { client, tableName } = currentConfig();
  let cleared = 0;
  let start: ScanCommand["input"]["ExclusiveStartKey"];
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: "pk, sk",
        FilterExpression: "begins_with(pk, :province) OR (#entity = :identity AND tenantId = :tenantId)",
        ExpressionAttributeNames: { "#entity": "__edb_e__" },
        ExpressionAttributeValues: {
          ":province": { S: `T#${tenantId}#` },
          ":identity": { S: "identity" },
          ":tenantId": { S: tenantId },
        },
        ExclusiveStartKey: start,
      }),
    );
    const keys = page.Items ?? [];
    for (let i = 0; i < keys.length; i += 25)
      await writeAll(
        client,
        tableName,
        keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
      );
    cleared += keys.length;
    start = page.LastEvaluatedKey;
  } while (start);
  return cleared;
}
