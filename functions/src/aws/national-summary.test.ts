import { randomUUID } from "node:crypto";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createClient } from "@thidua/core/db";
import type { DynamoDBRecord } from "aws-lambda";
import { describe, expect, inject, it } from "vitest";
import { changesIn, createAggregator, summaryKey } from "./national-summary.ts";

const tableName = inject("tableName");
const client = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
const db = DynamoDBDocumentClient.from(client);
const aggregate = createAggregator({ client, tableName, log: () => {} });

const freshTenant = () => `t-${randomUUID().slice(0, 8)}`;
/** 2026-06-01T00:00:00Z in seconds, as DynamoDB Streams reports ApproximateCreationDateTime. */
const JUNE_2026 = Date.parse("2026-06-01T00:00:00Z") / 1000;

/** A stream record shaped like the ones Lambda delivers (keys and images in attribute-value form). */
function record(
  eventName: "INSERT" | "MODIFY" | "REMOVE",
  pk: string,
  sk: string,
  extra: { at?: number; year?: number } = {},
): DynamoDBRecord {
  const keys = { pk: { S: pk }, sk: { S: sk } };
  const image = { ...keys, ...(extra.year ? { year: { N: String(extra.year) } } : {}) };
  return {
    eventID: randomUUID(),
    eventName,
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "ap-southeast-1",
    dynamodb: {
      ApproximateCreationDateTime: extra.at ?? JUNE_2026,
      Keys: keys,
      ...(eventName === "REMOVE" ? { OldImage: image } : { NewImage: image }),
      SequenceNumber: String(Date.now()),
      SizeBytes: 100,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    },
  };
}

async function put(pk: string, sk: string, entity: string, year?: number) {
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: { pk, sk, __edb_e__: entity, __edb_v__: "1", ...(year ? { year } : {}) },
    }),
  );
}

async function summary(tenantId: string, year: number) {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: summaryKey(tenantId, year) }));
  return Item;
}

describe("national aggregator (against DynamoDB Local)", () => {
  it("recomputes a tenant-year summary under N#<year> from the changed partitions", async () => {
    const tenant = freshTenant();
    await put(`T#${tenant}#BLOC#1`, "BLOC", "bloc");
    await put(`T#${tenant}#BLOC#1`, "SEAT#a", "seat");
    await put(`T#${tenant}#BLOC#1`, "SEAT#b", "seat");
    await put(`T#${tenant}#UNIT#9`, "UNIT", "unit");

    await aggregate({
      Records: [
        record("INSERT", `T#${tenant}#BLOC#1`, "BLOC"),
        record("INSERT", `T#${tenant}#BLOC#1`, "SEAT#a"),
        record("INSERT", `T#${tenant}#UNIT#9`, "UNIT"),
      ],
    });

    expect(await summary(tenant, 2026)).toMatchObject({
      pk: "N#2026",
      sk: `TENANT#${tenant}`,
      tenantId: tenant,
      year: 2026,
      counts: { bloc: 1, seat: 2, unit: 1 },
      version: 1,
    });
  });

  it("is idempotent: replaying a batch recomputes the same counts instead of adding them again", async () => {
    const tenant = freshTenant();
    await put(`T#${tenant}#BLOC#1`, "BLOC", "bloc");
    const batch = { Records: [record("INSERT", `T#${tenant}#BLOC#1`, "BLOC")] };

    await aggregate(batch);
    await aggregate(batch);

    expect(await summary(tenant, 2026)).toMatchObject({ counts: { bloc: 1 }, version: 2 });
  });

  it("adds up partitions changed in different batches and drops a partition once it is empty", async () => {
    const tenant = freshTenant();
    await put(`T#${tenant}#BLOC#1`, "BLOC", "bloc");
    await aggregate({ Records: [record("INSERT", `T#${tenant}#BLOC#1`, "BLOC")] });
    await put(`T#${tenant}#BLOC#2`, "BLOC", "bloc");
    await aggregate({ Records: [record("INSERT", `T#${tenant}#BLOC#2`, "BLOC")] });
    expect((await summary(tenant, 2026))?.counts).toEqual({ bloc: 2 });

    await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: `T#${tenant}#BLOC#1`, sk: "BLOC" } }));
    await aggregate({ Records: [record("REMOVE", `T#${tenant}#BLOC#1`, "BLOC")] });

    const after = await summary(tenant, 2026);
    expect(after?.counts).toEqual({ bloc: 1 });
    expect(Object.keys(after?.partitions ?? {})).toEqual([`T#${tenant}#BLOC#2`]);
  });

  it("keeps tenants apart and ignores platform and national records", async () => {
    const [a, b] = [freshTenant(), freshTenant()];
    await put(`T#${a}#UNIT#1`, "UNIT", "unit");
    await put(`T#${b}#UNIT#1`, "UNIT", "unit");
    await put(`T#${b}#UNIT#2`, "UNIT", "unit");

    await aggregate({
      Records: [
        record("INSERT", `T#${a}#UNIT#1`, "UNIT"),
        record("INSERT", `T#${b}#UNIT#2`, "UNIT"),
        record("INSERT", `P#TENANT#${a}`, "TENANT"),
        record("MODIFY", "N#2026", `TENANT#${a}`),
      ],
    });

    expect((await summary(a, 2026))?.counts).toEqual({ unit: 1 });
    // Only b's changed partition is counted: the summary reflects what the stream has shown.
    expect((await summary(b, 2026))?.counts).toEqual({ unit: 1 });
  });

  it("counts in a year's summary only the partition's items of that year, and items without a year", async () => {
    const tenant = freshTenant();
    const bloc = `T#${tenant}#BLOC#1`;
    await put(bloc, "BLOC", "bloc");
    await put(bloc, "YEAR#2025", "blocYear", 2025);
    await put(bloc, "YEAR#2026", "blocYear", 2026);

    await aggregate({ Records: [record("INSERT", bloc, "YEAR#2026", { year: 2026 })] });

    expect((await summary(tenant, 2026))?.counts).toEqual({ bloc: 1, blocYear: 1 });
    expect(await summary(tenant, 2025)).toBeUndefined();
  });

  it("files a change under the item's own year, else the year of the change in Vietnam time", () => {
    const newYearInHanoi = Date.parse("2025-12-31T18:00:00Z") / 1000; // 01:00 on 1 January 2026 in Hà Nội
    const changes = changesIn([
      record("INSERT", "T#an-giang#CYCLE#1", "CYCLE", { year: 2024, at: JUNE_2026 }),
      record("INSERT", "T#an-giang#BLOC#1", "BLOC", { at: newYearInHanoi }),
      record("INSERT", "T#an-giang#BLOC#2", "BLOC", { at: newYearInHanoi }),
      record("INSERT", "P#TENANT#an-giang", "TENANT"),
      record("INSERT", "T#an-giang#AUDIT", "2026-06-01T00:00:00Z#1", { at: JUNE_2026 }),
    ]);

    expect(changes.map((c) => ({ ...c, partitions: [...c.partitions] }))).toEqual([
      { tenantId: "an-giang", year: 2024, partitions: ["T#an-giang#CYCLE#1"] },
      { tenantId: "an-giang", year: 2026, partitions: ["T#an-giang#BLOC#1", "T#an-giang#BLOC#2"] },
    ]);
  });
});
