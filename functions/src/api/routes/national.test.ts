import type { Actor } from "@thidua/core/actor";
import { createBloc, setMembers } from "@thidua/core/bloc";
import { keyPrefix } from "@thidua/core/db";
import { createAggregator, type StreamRecord } from "@thidua/core/national";
import { createUnit } from "@thidua/core/unit";
import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { dynamoRequestsOf } from "@thidua/test/support/requests";
import { describe, expect, it } from "vitest";

const as = callerOf(await testApp());
const national: Actor = { userId: "n", email: "n@tw.vn", name: "Ban TĐKT Trung ương", role: "national" };
const aggregate = createAggregator({ log: () => {} });

/** A change of a province's item of that year, as the stream delivers it. */
const changed = (tenantId: string, year: number): StreamRecord => ({
  dynamodb: {
    Keys: { pk: { S: `${keyPrefix.tenant(tenantId)}UNITS` }, sk: { S: "x" } },
    NewImage: { year: { N: String(year) } },
  },
});

// Years of their own: the national partition is shared by every test of the run.
describe("the national view", () => {
  it("reads every province's figures in one DynamoDB request, for 3 provinces as for 34", async () => {
    for (const [count, year] of [
      [3, 2091],
      [34, 2092],
    ] as const) {
      const provinces = await Promise.all(Array.from({ length: count }, () => freshTenant("nat")));
      await aggregate({ Records: provinces.map((p) => changed(p.tenantId, year)) });
      const { result, requests } = await dynamoRequestsOf(() => as(national, `/api/national/overview?year=${year}`));
      expect(result.status).toBe(200);
      expect(result.body.items).toHaveLength(count);
      expect(requests).toEqual(["QueryCommand"]);
      // The overview leaves the per-bloc rows to the drill-down.
      expect(result.body.items[0].figures.blocRows).toBeUndefined();
    }
  });

  it("drills down to one province's blocs, for the national viewer and the operator only", async () => {
    const t = await freshTenant("nat");
    const units = [];
    for (const name of ["Báo Quảng Trị", "Ban Dân vận Tỉnh ủy"])
      units.push((await createUnit(t.board, { name, kind: "party_agency" })).unitId);
    const bloc = await createBloc(t.board, { name: "Khối các cơ quan Đảng tỉnh", kind: "bloc" });
    await setMembers(t.board, bloc.blocId, 2093, { unitIds: units, version: 0 });
    await aggregate({ Records: [changed(t.tenantId, 2093)] });

    const path = `/api/national/provinces/${t.tenantId}?year=2093`;
    const { body, status } = await as(national, path);
    expect(status).toBe(200);
    expect(body.figures).toMatchObject({ units: 2, blocs: 1, memberUnits: 2 });
    expect(body.figures.blocRows).toEqual([
      expect.objectContaining({ name: "Khối các cơ quan Đảng tỉnh", status: "planning", members: 2 }),
    ]);
    expect((await as(t.board, path)).status).toBe(403);
    expect((await as(t.board, "/api/national/overview?year=2093")).status).toBe(403);
    const none = await as(national, `/api/national/provinces/${t.tenantId}?year=2094`);
    expect([none.status, none.body.error.code]).toEqual([404, "national.not_found"]);
  });
});
