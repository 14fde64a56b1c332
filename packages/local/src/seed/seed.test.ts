import { randomUUID } from "node:crypto";
import { listAccounts } from "@thidua/core/account";
import type { Actor } from "@thidua/core/actor";
import { getBlocYear, listBlocs } from "@thidua/core/bloc";
import { getCycle } from "@thidua/core/cycle";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { createDocument, documentFileName, documentKinds, previewDocument } from "@thidua/core/document";
import { authenticate } from "@thidua/core/identity";
import { listBlocProposals, listProposals, listUnitAwards } from "@thidua/core/proposal";
import { getRanking } from "@thidua/core/score";
import { listTenants } from "@thidua/core/tenant";
import { compareVietnamese } from "@thidua/core/text";
import { listUnits } from "@thidua/core/unit";
import { previewInProcess, renderInProcess } from "@thidua/functions/documents/render";
import { testDirectory } from "@thidua/test/support";
import { demoTemplate } from "@thidua/test/support/demo-template";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadLocalConfig } from "../env.ts";
import { demoAccounts, demoProvinces, type SeedProgress, seedDemo } from "./index.ts";
import { reportedProvinces } from "./provinces.ts";

const board = (tenantId: string): Actor => ({ userId: "b", email: "b@x.vn", name: "B", role: "board", tenantId });
const operator: Actor = { userId: "o", email: "o@x.vn", name: "O", role: "operator" };
const thisYear = new Date().getFullYear();

describe("an interrupted seed", () => {
  // A table of its own: the seed writes fixed province ids that other tests must not meet.
  beforeAll(async () => {
    const client = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
    const tableName = `seed-${randomUUID().slice(0, 8)}`;
    await ensureTable(client, tableName, { stream: false });
    configureDb({ tableName, client });
  });

  it("resumes: the province left half-made is cleared and seeded again, the finished ones stay", async () => {
    const PASSWORD = "demo-password";
    const provinces = demoProvinces.filter((p) => ["quang-tri", "ha-noi", "hai-phong", "hue"].includes(p.tenantId));
    // Quảng Trị's unit officer cannot be invited (a fault the directory cannot be made to produce): the
    // province is left with its blocs and some accounts; the provinces under way finish, the seed fails.
    const directory = testDirectory();
    const failing = {
      ...directory,
      invite: (email: string) =>
        email === "vanphong@quang-tri.thidua.local"
          ? Promise.reject(new Error("the process died"))
          : directory.invite(email),
    };
    await expect(seedDemo(PASSWORD, failing, { provinces })).rejects.toThrow("vanphong@quang-tri.thidua.local");
    expect(await listBlocs(board("quang-tri"))).toHaveLength(1);
    const haNoi = await listBlocs(board("ha-noi"));

    // Run again: Quảng Trị alone is seeded, from scratch.
    const progress: SeedProgress[] = [];
    expect(await seedDemo(PASSWORD, testDirectory(), { provinces, onProgress: (p) => progress.push(p) })).toEqual({
      seeded: 1,
    });
    expect(progress).toEqual([{ done: 4, total: 4, name: "Quảng Trị" }]);
    expect(await listBlocs(board("quang-tri"))).toHaveLength(1);
    expect((await listUnits(board("quang-tri"))).map((u) => u.name).sort(compareVietnamese)).toEqual(
      [
        "Ban Dân vận Tỉnh ủy",
        "Ban Tổ chức Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Báo Quảng Trị",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Văn phòng Tỉnh ủy",
      ].sort(compareVietnamese),
    );
    expect(await authenticate({ email: "vanphong@quang-tri.thidua.local", password: PASSWORD })).toMatchObject({
      tenantId: "quang-tri",
      unitId: "van-phong-tinh-uy",
    });
    expect(await listBlocs(board("ha-noi"))).toEqual(haNoi);
  }, 300_000);
});

// The demo as the run's template holds it (seeded once for this file and the browser tests).
describe("the demo", () => {
  const PASSWORD = loadLocalConfig(["--in-memory"], {}).DEMO_PASSWORD;
  beforeAll(async () => {
    const { client, tableName } = await demoTemplate();
    configureDb({ tableName, client });
  }, 400_000);

  it("holds the 34 provincial units after the 2025 reform and Ninh Thuận, every phase of a year among them", async () => {
    const names = (await listTenants(operator)).map((t) => t.name);
    expect(names).toHaveLength(35);
    expect(names).toEqual(
      expect.arrayContaining(["Hà Nội", "Thành phố Hồ Chí Minh", "Huế", "Khánh Hòa", "Ninh Thuận"]),
    );
    const phases = new Set<string>();
    let approved = 0;
    for (const { tenantId } of demoProvinces.filter((p) => !reportedProvinces.has(p.tenantId))) {
      const blocs = await listBlocs(board(tenantId));
      expect(blocs.length).toBeGreaterThanOrEqual(1);
      expect(blocs.length).toBeLessThanOrEqual(3);
      for (const bloc of blocs) phases.add((await getCycle(board(tenantId), bloc.blocId, thisYear)).phase);
      const last = await listProposals(board(tenantId), thisYear - 1);
      approved += last.filter((p) => p.status === "approved").length;
      for (const p of last.filter((p) => p.status === "approved"))
        expect(await listUnitAwards(board(tenantId), p.unitId)).toEqual([
          expect.objectContaining({ year: thisYear - 1, awardTypeId: p.awardTypeId }),
        ]);
    }
    expect([...phases].sort()).toEqual(
      ["in_progress", "mid_year_review", "ranked", "registration", "scoring", "verification"].sort(),
    );
    expect(approved).toBeGreaterThan(0);
  }, 120_000);

  it("creates the source reports' blocs with members, leaders and an opened year, once", async () => {
    const [ninhThuan] = await listBlocs(board("ninh-thuan"));
    expect(ninhThuan).toMatchObject({ name: "Khối thi đua các cơ quan Đảng tỉnh", criteriaVersion: 1 });
    const y2024 = await getBlocYear(board("ninh-thuan"), ninhThuan?.blocId as string, 2024);
    expect(y2024).toMatchObject({ leaderUnitId: "ban-tuyen-giao", status: "open", criteriaVersion: 1 });
    expect(y2024.memberUnitIds).toHaveLength(8);
    // Every demo bloc has the current year under way, led by a unit that has not led before.
    for (const tenantId of reportedProvinces)
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

    expect(await seedDemo(PASSWORD, testDirectory())).toEqual({ seeded: 0 });
    expect(await listBlocs(board("ninh-thuan"))).toHaveLength(1);
  }, 120_000);

  it("gives every demo province a board member, a council member who follows a bloc and unit officers, who all sign in", async () => {
    for (const tenantId of reportedProvinces) {
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

  it("gives Ninh Thuận's 2023 every document, drawn from the year as seeded", async () => {
    const [bloc] = await listBlocs(board("ninh-thuan"));
    const blocId = bloc?.blocId as string;
    for (const kind of documentKinds) {
      const made = await createDocument(board("ninh-thuan"), blocId, 2023, { kind }, renderInProcess);
      expect([made.kind, made.fileName, made.size > 5_000]).toEqual([kind, documentFileName(kind, 2023), true]);
    }
    // The decision is the board's: the two certificates it approved, not the flag still waiting for it.
    const { html } = await previewDocument(board("ninh-thuan"), blocId, 2023, { kind: "decision" }, previewInProcess);
    expect(html).toContain("Báo Ninh Thuận");
    expect(html).toContain("Ủy ban Kiểm tra Tỉnh ủy");
    expect(html).not.toContain("Cờ thi đua");
  });
});
