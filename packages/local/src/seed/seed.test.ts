import { randomUUID } from "node:crypto";
import { listAccounts } from "@thidua/core/account";
import type { Actor } from "@thidua/core/actor";
import { getBlocYear, listBlocs } from "@thidua/core/bloc";
import { getCycle } from "@thidua/core/cycle";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { authenticate } from "@thidua/core/identity";
import { listBlocProposals } from "@thidua/core/proposal";
import { getRanking } from "@thidua/core/score";
import { listUnits } from "@thidua/core/unit";
import { testDirectory } from "@thidua/test/support";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccounts, demoProvinces, seedDemo } from "./index.ts";

const PASSWORD = "demo-password";

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
    expect(await seedDemo(PASSWORD, testDirectory())).toEqual({ created: true });
    const [ninhThuan] = await listBlocs(board("ninh-thuan"));
    expect(ninhThuan).toMatchObject({ name: "Khối thi đua các cơ quan Đảng tỉnh", criteriaVersion: 1 });
    const y2024 = await getBlocYear(board("ninh-thuan"), ninhThuan?.blocId as string, 2024);
    expect(y2024).toMatchObject({ leaderUnitId: "ban-tuyen-giao", status: "open", criteriaVersion: 1 });
    expect(y2024.memberUnitIds).toHaveLength(8);
    // Every demo bloc has the current year under way, led by a unit that has not led before.
    const thisYear = new Date().getFullYear();
    for (const { tenantId } of demoProvinces)
      for (const bloc of await listBlocs(board(tenantId))) {
        const current = await getBlocYear(board(tenantId), bloc.blocId, thisYear);
        expect(current).toMatchObject({ status: "open" });
        expect(current.memberUnitIds.length).toBeGreaterThan(1);
        expect(current.leaderUnitId).toBeTruthy();
      }
    expect((await getBlocYear(board("ninh-thuan"), ninhThuan?.blocId as string, thisYear)).leaderUnitId).toBe(
      "ban-to-chuc",
    );
    // A past year verified, ranked and closed, as the reports tell it: Văn phòng Tỉnh ủy led Ninh Thuận's 2023.
    const blocId = ninhThuan?.blocId as string;
    expect((await getCycle(board("ninh-thuan"), blocId, 2023)).phase).toBe("closed");
    const ranking = await getRanking(board("ninh-thuan"), blocId, 2023);
    expect([ranking.complete, ranking.entries[0]?.unitId, ranking.entries[0]?.rank]).toEqual([
      true,
      "van-phong-tinh-uy",
      1,
    ]);
    expect(ranking.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Its conference as the report tells it: the provincial flag proposed for Văn phòng Tỉnh ủy,
    // certificates for Báo Ninh Thuận and Ủy ban Kiểm tra, Ban Tuyên giáo elected to lead 2024.
    const proposed = (await listBlocProposals(board("ninh-thuan"), blocId, 2023)).map((p) => [p.awardTypeId, p.unitId]);
    expect(proposed.sort()).toEqual(
      [
        ["certificate-of-merit", "bao-ninh-thuan"],
        ["certificate-of-merit", "uy-ban-kiem-tra"],
        ["provincial-flag", "van-phong-tinh-uy"],
      ].sort(),
    );
    expect((await getCycle(board("ninh-thuan"), blocId, 2023)).handover).toMatchObject({
      leaderUnitId: "ban-tuyen-giao",
    });
    // This year is at scoring, half the sheets in: the demo unit accounts still have theirs to do.
    const now = await getCycle(board("ninh-thuan"), blocId, thisYear);
    expect(now.phase).toBe("scoring");
    expect(now.progress.filter((p) => p.submitted)).toHaveLength(4);
    expect(now.progress.find((p) => p.unitId === "van-phong-tinh-uy")).toMatchObject({
      signed: true,
      submitted: false,
    });
    const [, associations] = await listBlocs(board("an-giang"));
    const associationsId = associations?.blocId as string;
    expect((await getCycle(board("an-giang"), associationsId, thisYear)).phase).toBe("registration");
    // An Giang's associations proposed two units for the provincial flag within the board's quota of two,
    // and elected Hội Luật gia to lead 2023 with Liên hiệp các tổ chức Hữu nghị as deputy.
    const flags = (await listBlocProposals(board("an-giang"), associationsId, 2022)).map((p) => [
      p.awardTypeId,
      p.status,
    ]);
    expect(flags).toEqual([
      ["provincial-flag", "proposed"],
      ["provincial-flag", "proposed"],
    ]);
    const seats = await getBlocYear(board("an-giang"), associationsId, 2023);
    const names = new Map((await listUnits(board("an-giang"))).map((u) => [u.unitId, u.name]));
    expect([names.get(seats.leaderUnitId ?? ""), seats.deputyUnitIds.map((id) => names.get(id))]).toEqual([
      "Hội Luật gia tỉnh",
      ["Liên hiệp các tổ chức Hữu nghị tỉnh"],
    ]);
    expect((await listBlocs(board("an-giang"))).map((b) => b.name)).toEqual([
      "Khối thi đua các cơ quan Đảng tỉnh",
      "Khối thi đua các tổ chức Hội đặc thù",
    ]);
    // The demo accounts' units exist, so officers see their names.
    expect((await listUnits(board("an-giang"))).map((u) => u.unitId)).toEqual(
      expect.arrayContaining(["bao-an-giang", "ban-tuyen-giao"]),
    );

    expect(await seedDemo(PASSWORD, testDirectory())).toEqual({ created: false });
    expect(await listBlocs(board("ninh-thuan"))).toHaveLength(1);
  }, 300_000); // seeds three provinces through the use cases: slow on a loaded machine

  it("gives every demo province a board member, a council member who follows a bloc and unit officers, who all sign in", async () => {
    for (const { tenantId } of demoProvinces) {
      const { items } = await listAccounts(board(tenantId), {});
      expect(new Set(items.map((a) => a.role))).toEqual(new Set(["board", "council", "unit"]));
      expect(items.find((a) => a.role === "council")?.blocIds).toHaveLength(1);
      expect(items.filter((a) => a.role === "unit").every((a) => a.unitId)).toBe(true);
    }
    for (const account of demoAccounts) {
      expect(await authenticate({ email: account.email, password: PASSWORD })).toMatchObject({
        role: account.role,
        ...(account.tenantId ? { tenantId: account.tenantId } : {}),
      });
    }
  }, 120_000);
});
