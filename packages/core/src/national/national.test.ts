import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import type { Actor } from "../actor.ts";
import { createBloc, setMembers } from "../bloc/index.ts";
import { createClient, keyPrefix } from "../db/index.ts";
import { withNationalClient } from "../db/testing.ts";
import { createTenant } from "../tenant/index.ts";
import { createUnit } from "../unit/index.ts";
import { createAggregator, listNationalSummaries, provinceYearsIn, type StreamRecord } from "./index.ts";

const national: Actor = { userId: "n", email: "n@tw.vn", name: "Ban TĐKT Trung ương", role: "national" };
const operator: Actor = { userId: "op", email: "op@tw.vn", name: "Quản trị", role: "operator" };

/** A fresh province and its board. */
async function freshTenant(label: string) {
  const tenantId = `${label}-${randomUUID().slice(0, 8)}`;
  await createTenant(operator, { tenantId, name: `Tỉnh ${tenantId}` });
  const board: Actor = { userId: `b-${tenantId}`, email: "b@t.vn", name: "Ban TĐKT", role: "board", tenantId };
  return { tenantId, board };
}
const JUNE_2025 = Date.parse("2025-06-01T00:00:00Z") / 1000;

/** A stream record as Lambda delivers it (keys in attribute-value form), for a tenant partition. */
const change = (tenantId: string, partition: string, year?: number): StreamRecord => ({
  dynamodb: {
    ApproximateCreationDateTime: JUNE_2025,
    Keys: { pk: { S: `${keyPrefix.tenant(tenantId)}${partition}` }, sk: { S: "x" } },
    ...(year ? { NewImage: { year: { N: String(year) } } } : {}),
  },
});

const summaryOf = async (tenantId: string, year: number) =>
  (await listNationalSummaries(national, year)).find((s) => s.tenantId === tenantId);

describe("national aggregator (against DynamoDB Local)", () => {
  it("recomputes a province-year's figures from the province's own data", async () => {
    const { tenantId, board } = await freshTenant("nat");
    const units = [];
    for (const name of ["Báo Quảng Trị", "Ban Dân vận", "Văn phòng Tỉnh ủy"])
      units.push(await createUnit(board, { name, kind: "party_agency" }));
    const bloc = await createBloc(board, { name: "Khối các cơ quan Đảng", kind: "bloc" });
    await createBloc(board, { name: "Cụm thi đua số 1", kind: "cluster" });
    await setMembers(board, bloc.blocId, 2025, { unitIds: units.slice(0, 2).map((u) => u.unitId), version: 0 });

    await createAggregator({ log: () => {} })({ Records: [change(tenantId, "UNITS"), change(tenantId, "BLOCS")] });

    expect(await summaryOf(tenantId, 2025)).toMatchObject({
      figures: { units: 3, blocs: 1, clusters: 1, memberUnits: 2, blocYears: { planning: 2, open: 0, closed: 0 } },
    });
  });

  it("is idempotent, keeps provinces apart and ignores platform and national records", async () => {
    const a = await freshTenant("nat-a");
    const b = await freshTenant("nat-b");
    await createUnit(a.board, { name: "Sở Nội vụ", kind: "state_agency" });
    const aggregate = createAggregator({ log: () => {} });
    const batch = {
      Records: [
        change(a.tenantId, "UNITS"),
        { dynamodb: { Keys: { pk: { S: `${keyPrefix.platform}TENANT#${b.tenantId}` } } } },
        { dynamodb: { Keys: { pk: { S: keyPrefix.national(2025) } } } },
      ],
    };
    await aggregate(batch);
    await aggregate(batch);

    expect((await summaryOf(a.tenantId, 2025))?.figures.units).toBe(1);
    expect(await summaryOf(b.tenantId, 2025)).toBeUndefined();
  });

  it("never replaces a summary with one computed earlier", async () => {
    const { tenantId, board } = await freshTenant("nat-late");
    const later = createAggregator({ log: () => {}, now: () => new Date("2025-06-02T00:00:00Z") });
    const earlier = createAggregator({ log: () => {}, now: () => new Date("2025-06-01T00:00:00Z") });
    await later({ Records: [change(tenantId, "UNITS")] });
    await createUnit(board, { name: "Sở Tư pháp", kind: "state_agency" });
    await earlier({ Records: [change(tenantId, "UNITS")] });

    expect(await summaryOf(tenantId, 2025)).toMatchObject({
      figures: { units: 0 },
      updatedAt: "2025-06-02T00:00:00.000Z",
    });
  });

  it("finds each province-year a batch touches once, by the item's year or the time of the change", () => {
    const audit = (tenantId: string): StreamRecord => ({
      dynamodb: {
        ApproximateCreationDateTime: JUNE_2025,
        Keys: { pk: { S: `${keyPrefix.tenant(tenantId)}AUDIT` } },
        NewImage: { auditId: { S: "a1" } },
      },
    });
    const records = [
      change("an-giang", "BLOC#khoi-dang", 2024),
      change("an-giang", "BLOC#khoi-dang", 2024),
      change("an-giang", "UNITS"),
      change("quang-tri", "UNITS"),
      // The audit trail moves no figure (its change's own record is in the batch).
      audit("ha-noi"),
    ];
    expect(provinceYearsIn(records)).toEqual([
      { tenantId: "an-giang", year: 2024 },
      { tenantId: "an-giang", year: 2025 },
      { tenantId: "quang-tri", year: 2024 },
      { tenantId: "quang-tri", year: 2025 },
    ]);
  });

  it("reads the summaries with the national client when one is configured (on AWS, the read-only national role)", async () => {
    const { tenantId } = await freshTenant("nat-role");
    await createAggregator({ log: () => {} })({ Records: [change(tenantId, "UNITS")] });
    const national = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
    const sent: string[] = [];
    national.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: "initialize", name: "recordNationalRequests" },
    );
    expect(await withNationalClient(national, () => summaryOf(tenantId, 2025))).toBeDefined();
    expect(sent).toEqual(["QueryCommand"]);
  });
});
