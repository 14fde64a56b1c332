import { randomUUID } from "node:crypto";
import { PutItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, inject, it } from "vitest";
import { ensureTable } from "./bootstrap.ts";
import { createClient } from "./client.ts";
import { copyItems, onceForTheRun } from "./testing.ts";

const client = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
const freshTable = async () => {
  const name = `once-${randomUUID()}`;
  await ensureTable(client, name);
  return name;
};
const keysOf = async (table: string) => {
  const keys: string[] = [];
  let start: ScanCommand["input"]["ExclusiveStartKey"];
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    keys.push(...(page.Items ?? []).map((i) => `${i.pk?.S}|${i.sk?.S}`));
    start = page.LastEvaluatedKey;
  } while (start);
  return keys.sort();
};

describe("the run's shared fixtures", () => {
  it("runs the work once for callers arriving together; all return once it is done", async () => {
    const table = await freshTable();
    let runs = 0;
    let finished = false;
    const work = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
    };
    const seen = await Promise.all(
      Array.from({ length: 3 }, () => onceForTheRun(client, table, work).then(() => finished)),
    );
    expect(runs).toBe(1);
    expect(seen).toEqual([true, true, true]);
  });

  it("tells every waiting caller that the work failed", async () => {
    const table = await freshTable();
    const failing = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error("seed broke");
    };
    const [first, second] = await Promise.allSettled([
      onceForTheRun(client, table, failing),
      onceForTheRun(client, table, failing),
    ]);
    const reasons = [first, second].map((r) => (r.status === "rejected" ? String(r.reason) : "resolved"));
    expect(reasons.sort()).toEqual([
      `Error: What ${table} was made for failed (failed: seed broke)`,
      "Error: seed broke",
    ]);
  });

  it("copies every stored item, more than a batch and a page of a scan's segment, but not the run's mark", async () => {
    const [from, to] = [await freshTable(), await freshTable()];
    await onceForTheRun(client, from, async () => {
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          client.send(
            new PutItemCommand({
              TableName: from,
              Item: { pk: { S: `T#p#${i % 3}` }, sk: { S: `ITEM#${i}` }, body: { S: "x".repeat(80_000) } },
            }),
          ),
        ),
      );
    });
    await copyItems(client, from, to);
    const copied = await keysOf(to);
    expect(copied).toHaveLength(60);
    expect(copied).toEqual((await keysOf(from)).filter((key) => !key.startsWith("ONCE#")));
    // Or only the partitions asked for.
    const some = await freshTable();
    await copyItems(client, from, some, (pk) => pk === "T#p#1");
    expect(await keysOf(some)).toEqual(copied.filter((key) => key.startsWith("T#p#1|")));
    expect(await keysOf(some)).toHaveLength(20);
  });
});
