import { randomUUID } from "node:crypto";
import type { Actor } from "@thidua/core/actor";
import { getBlocYear, listBlocs } from "@thidua/core/bloc";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { listUnits } from "@thidua/core/unit";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "./index.ts";

// A table of its own: the seed writes fixed province ids that other tests must not meet.
beforeAll(async () => {
  const client = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
  const tableName = `seed-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  configureDb({ tableName, client });
});

const board = (tenantId: string): Actor => ({ userId: "b", email: "b@x.vn", name: "B", role: "board", tenantId });

describe("demo seed", () => {
  it("creates the source reports' blocs with members, leaders and an opened year, once", async () => {
    expect(await seedDemo("demo-password")).toEqual({ created: true });
    const [ninhThuan] = await listBlocs(board("ninh-thuan"));
    expect(ninhThuan).toMatchObject({ name: "Khối thi đua các cơ quan Đảng tỉnh", criteriaVersion: 1 });
    const y2024 = await getBlocYear(board("ninh-thuan"), ninhThuan?.blocId as string, 2024);
    expect(y2024).toMatchObject({ leaderUnitId: "ban-tuyen-giao", status: "open", criteriaVersion: 1 });
    expect(y2024.memberUnitIds).toHaveLength(8);
    expect((await listBlocs(board("an-giang"))).map((b) => b.name)).toEqual([
      "Khối thi đua các cơ quan Đảng tỉnh",
      "Khối thi đua các tổ chức Hội đặc thù",
    ]);
    // The demo accounts' units exist, so officers see their names.
    expect((await listUnits(board("an-giang"))).map((u) => u.unitId)).toEqual(
      expect.arrayContaining(["bao-an-giang", "ban-tuyen-giao"]),
    );

    expect(await seedDemo("demo-password")).toEqual({ created: false });
    expect(await listBlocs(board("ninh-thuan"))).toHaveLength(1);
  }, 300_000); // seeds three provinces through the use cases: slow on a loaded machine
});
