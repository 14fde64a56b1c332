import { randomUUID } from "node:crypto";
import type { Actor } from "@thidua/core/actor";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { createAggregator, listNationalSummaries, provinceFigures } from "@thidua/core/national";
import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import type { DynamoDBStreamEvent } from "aws-lambda";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { startStreamPoller } from "./stream-poller.ts";

/*
 * The national summaries against the stream as AWS delivers it: at least once, batches in any order.
 * Random changes go through the API for several provinces; the stream's batches are recorded, then
 * replayed duplicated and shuffled into the aggregator; every summary must equal the figures
 * recomputed from the provinces' own data.
 */

const national: Actor = { userId: "n", email: "n@tw.vn", name: "Ban TĐKT Trung ương", role: "national" };
const YEARS = [2031, 2032] as const;

/** What a board does, at random: units, blocs and clusters, members of a year, discipline, archiving. */
const operation = fc.oneof(
  fc.record({ kind: fc.constant("unit" as const), name: fc.constantFrom("Sở Tư pháp", "Báo tỉnh", "Hội Luật gia") }),
  fc.record({ kind: fc.constant("bloc" as const), cluster: fc.boolean() }),
  fc.record({ kind: fc.constant("members" as const), year: fc.constantFrom(...YEARS), take: fc.nat(3) }),
  fc.record({ kind: fc.constant("discipline" as const), year: fc.constantFrom(...YEARS) }),
  fc.record({ kind: fc.constant("archive" as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

describe("national summaries under a replayed stream", () => {
  it("equal a recomputation from each province's data, whatever the duplicates and order of the batches", async () => {
    const endpoint = inject("dynamoEndpoint");
    const client = createClient({ region: "local", endpoint });
    const tableName = `replay-${randomUUID().slice(0, 8)}`;
    await ensureTable(client, tableName);
    configureDb({ tableName, client });
    const as = callerOf(await testApp());

    const batches: DynamoDBStreamEvent[] = [];
    const poller = await startStreamPoller({
      client,
      endpoint,
      tableName,
      handler: async (event) => {
        batches.push(event);
      },
      intervalMs: 50,
    });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(operation, { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 3 }),
          fc.infiniteStream(fc.nat()),
          async (plans, draws) => {
            batches.length = 0;
            const provinces: string[] = [];
            for (const plan of plans) provinces.push(await carryOut(as, plan));
            await poller.drain();

            // At least once, in any order: every batch once or twice, shuffled.
            const replay = batches.flatMap((b) => (draws.next().value % 2 ? [b, b] : [b]));
            for (let i = replay.length - 1; i > 0; i--) {
              const j = draws.next().value % (i + 1);
              [replay[i], replay[j]] = [replay[j] as DynamoDBStreamEvent, replay[i] as DynamoDBStreamEvent];
            }
            const aggregate = createAggregator({ log: () => {} });
            for (const batch of replay) await aggregate(batch);

            for (const year of YEARS) {
              const summaries = await listNationalSummaries(national, year);
              for (const tenantId of provinces) {
                const stored = summaries.find((s) => s.tenantId === tenantId);
                expect(stored?.figures).toEqual(await provinceFigures(tenantId, year));
              }
            }
          },
        ),
        { numRuns: 4 },
      );
    } finally {
      await poller.stop();
    }
  }, 240_000);
});

/** A fresh province and the board's random changes to it, through the API; every change touches both years. */
async function carryOut(as: ReturnType<typeof callerOf>, plan: readonly Operation[]): Promise<string> {
  const { tenantId, board } = await freshTenant("replay");
  const units: string[] = [];
  const blocs: string[] = [];
  // Every province has a year of each: a summary is expected for both whatever the plan.
  const first = await as(board, "/api/blocs", "POST", { name: "Khối các cơ quan Đảng tỉnh", kind: "bloc" });
  blocs.push(first.body.blocId);
  for (const year of YEARS)
    await as(board, `/api/blocs/${first.body.blocId}/years/${year}/members`, "PUT", { unitIds: [], version: 0 });
  for (const [i, op] of plan.entries()) {
    if (op.kind === "unit") {
      const made = await as(board, "/api/units", "POST", { name: `${op.name} số ${i}`, kind: "state_agency" });
      units.push(made.body.unitId);
    } else if (op.kind === "bloc") {
      const made = await as(board, "/api/blocs", "POST", {
        name: `Khối thi đua số ${i}`,
        kind: op.cluster ? "cluster" : "bloc",
      });
      blocs.push(made.body.blocId);
    } else if (op.kind === "members") {
      const blocId = blocs[blocs.length - 1] as string;
      const path = `/api/blocs/${blocId}/years/${op.year}`;
      const { body } = await as(board, path);
      await as(board, `${path}/members`, "PUT", { unitIds: units.slice(0, op.take), version: body.version });
    } else if (op.kind === "discipline" && units[0]) {
      const { body } = await as(board, `/api/units/${units[0]}`);
      await as(board, `/api/units/${units[0]}`, "PATCH", {
        discipline: { [String(op.year)]: "Vi phạm quy chế" },
        version: body.version,
      });
    } else if (op.kind === "archive" && blocs.length > 1) {
      const blocId = blocs.pop() as string;
      const { body } = await as(board, `/api/blocs/${blocId}`);
      await as(board, `/api/blocs/${blocId}/archive`, "POST", { version: body.version });
    }
  }
  return tenantId;
}
