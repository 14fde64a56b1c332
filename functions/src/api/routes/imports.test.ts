import { randomUUID } from "node:crypto";
import type { Actor } from "@thidua/core/actor";
import { AppError } from "@thidua/core/error";
import { importUnits, itemsOfRow, MAX_TRANSACTION_ITEMS } from "@thidua/core/import";
import { createUnit } from "@thidua/core/unit";
import { bearer, freshTenant, readJson, testApp } from "@thidua/test/support";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";

const app = await testApp();
const YEAR = 2025;
const HEADER = ["STT", "Tên đơn vị", "Tên viết tắt", "Loại", "Khối/Cụm"];

async function as(actor: Actor, path: string, method = "GET", body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...(await bearer(actor)), "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = res.headers.get("content-type") ?? "";
  return {
    status: res.status,
    headers: res.headers,
    body: type.includes("json") ? await readJson(res) : undefined,
    bytes: type.includes("json") ? undefined : Buffer.from(await res.arrayBuffer()),
  };
}

/** An .xlsx as base64: a header row, then one row per entry (values in header order, STT first). */
async function xlsx(rows: string[][], header = HEADER): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đơn vị");
  sheet.addRow(header);
  rows.forEach((r, i) => {
    sheet.addRow([String(i + 1), ...r]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

/** A province with two clusters. */
async function province() {
  const t = await freshTenant("imp");
  const east = (await as(t.board, "/api/blocs", "POST", { name: "Cụm thi đua các xã phía Đông", kind: "cluster" }))
    .body;
  const west = (await as(t.board, "/api/blocs", "POST", { name: "Cụm thi đua các xã phía Tây", kind: "cluster" })).body;
  const units = async () => (await as(t.board, "/api/units")).body.items as { unitId: string; name: string }[];
  const blocYear = async (blocId: string) => (await as(t.board, `/api/blocs/${blocId}/years/${YEAR}`)).body;
  return { ...t, east, west, units, blocYear };
}

/**
 * n commune rows alternating between the two clusters, kinds written as users do. Unless `allInBlocs`,
 * every fifth row has no cluster.
 */
function communes(n: number, blocs: { east: string; west: string }, allInBlocs = false) {
  const kinds = ["Xã, phường, thị trấn", "Xã", "Phường", "commune", "xa phuong thi tran"];
  return Array.from({ length: n }, (_, i) => [
    `Xã Số ${i + 1}`,
    "",
    kinds[i % kinds.length] as string,
    i % 5 === 4 && !allInBlocs ? "" : i % 2 === 0 ? blocs.east : blocs.west,
  ]);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("importing units from a sheet", () => {
  it("imports 120 rows in several chunks, with their memberships, and the job reports done 120/120", async () => {
    const p = await province();
    const rows = communes(120, { east: "cum thi dua cac xa phia dong", west: p.west.blocId });
    const importId = randomUUID();
    const posting = as(p.board, "/api/units/import", "POST", { file: await xlsx(rows), year: YEAR, importId });
    // The dashboard polls while the upload runs.
    const seen: number[] = [];
    for (let polls = 0; polls < 200; polls++) {
      const job = await as(p.board, `/api/units/import/${importId}`);
      if (job.status === 200) seen.push(job.body.done);
      if (job.body?.status === "done") break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const res = await posting;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ importId, status: "done", created: 120 });
    expect(res.headers.get("x-import-id")).toBe(importId);
    expect(seen.at(-1)).toBe(120);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const job = await as(p.board, `/api/units/import/${importId}`);
    expect(job.body).toMatchObject({ importId, status: "done", phase: "finished", year: YEAR, total: 120, done: 120 });
    const units = await p.units();
    expect(units).toHaveLength(120);
    expect(units.map((u) => u.unitId)).toContain("xa-so-120");
    const east = await p.blocYear(p.east.blocId);
    const west = await p.blocYear(p.west.blocId);
    expect(east).toMatchObject({ version: 1, status: "planning" });
    expect(east.memberUnitIds).toHaveLength(48);
    expect(east.memberUnitIds[0]).toBe("xa-so-1");
    expect(west.memberUnitIds).toHaveLength(48);
    // A unit of the cluster sees its cluster: the membership marker exists.
    const officer = p.actor("unit", "xa-so-2");
    expect((await as(officer, "/api/blocs")).body.items.map((b: { blocId: string }) => b.blocId)).toEqual([
      p.west.blocId,
    ]);
  });

  it("imports nothing when one row of 50 is wrong, and names its row number and column", async () => {
    const p = await province();
    const rows = communes(50, { east: p.east.name, west: p.west.name });
    (rows[25] as string[])[2] = "Trường học"; // sheet row 27: header is row 1
    const res = await as(p.board, "/api/units/import", "POST", { file: await xlsx(rows), year: YEAR });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: "import.invalid",
      fields: [{ path: "rows.27.kind", message: "import.unknown_kind" }],
    });
    expect(res.headers.get("x-import-id")).toBeNull();
    expect(await p.units()).toEqual([]);
    expect((await p.blocYear(p.east.blocId)).version).toBe(0);
  });

  it("reports by row a unit that already belongs to another bloc that year", async () => {
    const p = await province();
    const unit = await createUnit(p.board, { name: "Phường Mỹ Bình", kind: "commune" });
    await as(p.board, `/api/blocs/${p.east.blocId}/years/${YEAR}/members`, "PUT", {
      unitIds: [unit.unitId],
      version: 0,
    });
    const file = await xlsx([
      ["Xã Tân Hội", "", "Xã", p.west.name],
      ["PHUONG MY BINH", "", "Phường", p.west.name],
    ]);
    const res = await as(p.board, "/api/units/import", "POST", { file, year: YEAR });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: "rows.3.name", message: "import.unit_exists" },
      { path: "rows.3.bloc", message: "import.unit_in_other_bloc" },
    ]);
    expect((await p.units()).map((u) => u.name)).toEqual(["Phường Mỹ Bình"]);
  });

  it("previews a dry run and writes nothing", async () => {
    const p = await province();
    const file = await xlsx([
      ["Xã Tân Hội", "", "Xã, phường, thị trấn", p.east.name],
      ["Hội Nông dân tỉnh", "HND", "Mặt trận, đoàn thể", ""],
    ]);
    const res = await as(p.board, "/api/units/import", "POST", { file, year: YEAR, dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      rows: [
        { row: 2, name: "Xã Tân Hội", kind: "commune", blocId: p.east.blocId, blocName: p.east.name },
        { row: 3, name: "Hội Nông dân tỉnh", shortName: "HND", kind: "mass_organization" },
      ],
      total: 2,
    });
    expect(await p.units()).toEqual([]);
    expect((await p.blocYear(p.east.blocId)).version).toBe(0);
  });

  it("reads a sheet as offices make them: a title above the header, a cluster merged down its rows, whole-column lists", async () => {
    const p = await province();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DS");
    sheet.getCell("A1").value = "DANH SÁCH ĐƠN VỊ CỤM THI ĐUA NĂM 2025";
    sheet.mergeCells("A1:E1");
    sheet.getRow(3).values = [
      "STT",
      { richText: [{ text: "Tên " }, { text: "đơn vị" }] },
      "Viết tắt",
      "LOẠI",
      "Khối / Cụm",
    ];
    sheet.getRow(4).values = [1, "Xã Vĩnh Hanh", "", "Xã", p.east.name];
    sheet.getRow(5).values = [2, "Xã Vĩnh An", "", "Xã"];
    sheet.getRow(6).values = [3, "Phường Châu Phú", "", "Phường", p.west.name];
    sheet.mergeCells("E4:E5");
    // An Excel habit: a drop-down on the whole column, two million cells exceljs would expand one by one.
    (sheet as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      "D4:E1048576",
      { type: "list", allowBlank: true, formulae: ['"Xã,Phường"'] },
    );
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    // Expanding it would take minutes and run past the test's timeout; how long it takes is the bench's to say.
    const res = await as(p.board, "/api/units/import", "POST", { file, year: YEAR, dryRun: true });
    expect(res.body.rows).toEqual([
      { row: 4, name: "Xã Vĩnh Hanh", kind: "commune", blocId: p.east.blocId, blocName: p.east.name },
      { row: 5, name: "Xã Vĩnh An", kind: "commune", blocId: p.east.blocId, blocName: p.east.name },
      { row: 6, name: "Phường Châu Phú", kind: "commune", blocId: p.west.blocId, blocName: p.west.name },
    ]);
  });

  it("refuses a file that is not a workbook, and a sheet without the required columns", async () => {
    const p = await province();
    const garbage = await as(p.board, "/api/units/import", "POST", {
      file: Buffer.from("Tên đơn vị;Loại").toString("base64"),
      year: YEAR,
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe("import.unreadable");
    const missing = await as(p.board, "/api/units/import", "POST", {
      file: await xlsx([["Xã A", "Xã"]], ["STT", "Tên", "Ghi chú"]),
      year: YEAR,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      code: "import.missing_columns",
      fields: [{ path: "columns.kind", message: "import.missing_columns" }],
    });
  });

  it("downloads a template that imports cleanly once its example rows are filled in", async () => {
    const p = await province();
    const res = await as(p.board, "/api/units/import/template");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Đơn vị", "Loại đơn vị", "Khối, cụm"]);
    const [sheet, kinds] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(sheet.getRow(1).values).toEqual([undefined, "Tên đơn vị", "Tên viết tắt", "Loại", "Khối/Cụm"]);
    expect(kinds.getColumn(1).values).toContain("Cơ quan nhà nước");
    expect(kinds.getColumn(3).values).toContain("Sở, ban, ngành; Sở ngành; Cơ quan chuyên môn; Nhà nước");
    // The board overwrites the examples' names and adds a row, keeping the kinds the template proposed.
    sheet.getCell("A2").value = "Xã Bình Hòa";
    sheet.getCell("A3").value = "Hội Cựu chiến binh tỉnh";
    sheet.getCell("B3").value = "HCCB";
    sheet.getRow(4).values = ["Phường Long Xuyên", "", "Phường", p.west.name];
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const done = await as(p.board, "/api/units/import", "POST", { file, year: YEAR });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "done", created: 3 });
    expect((await p.units()).map((u) => u.unitId).sort()).toEqual(["hccb", "phuong-long-xuyen", "xa-binh-hoa"]);
    // The first example was placed in the province's first cluster (Vietnamese order): Đông before Tây.
    expect((await p.blocYear(p.east.blocId)).memberUnitIds).toEqual(["xa-binh-hoa"]);
    expect((await p.blocYear(p.west.blocId)).memberUnitIds).toEqual(["phuong-long-xuyen"]);
    // Another province's template offers its own blocs only (here: none).
    const other = await freshTenant("imp");
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load((await as(other.board, "/api/units/import/template")).bytes as unknown as ArrayBuffer);
    expect(theirs.worksheets.map((s) => s.name)).toEqual(["Đơn vị", "Loại đơn vị"]);
    expect(theirs.worksheets[0]?.getCell("D2").value).toBe("");
  });
});

describe("an import that does not finish", () => {
  const crashAfterFirstChunk = (chunk: number) => {
    if (chunk === 0) throw new Error("simulated crash");
  };

  /** Moves the clock past the heartbeat timeout, as if the crashed process had been gone a minute. */
  const aMinuteLater = () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
  };

  it("runs one of several imports started at once, and creates no name twice", async () => {
    const p = await province();
    const sheets = await Promise.all(
      [0, 1, 2].map((i) =>
        xlsx([
          ["Hội Cựu chiến binh tỉnh", "", "Hội", ""],
          [`Hội số ${i}`, "", "Hội", ""],
        ]),
      ),
    );
    const answers = await Promise.all(
      sheets.map((file) => as(p.board, "/api/units/import", "POST", { file, year: YEAR })),
    );
    // One runs. Another is refused while it runs (409), or finds the name taken once it is over (400).
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200))
      expect([refused.status, refused.body.error.code]).toEqual(
        expect.arrayContaining([expect.stringMatching(/^import\.(busy|conflict|invalid)$/)]),
      );
    const names = (await p.units()).map((u) => u.name);
    expect(names.filter((name) => name === "Hội Cựu chiến binh tỉnh")).toHaveLength(1);
  });

  it("simulated crash after chunk 1: the job stays running, and the next GET rolls it back leaving no unit", async () => {
    const p = await province();
    const importId = randomUUID();
    const file = await xlsx(communes(80, { east: p.east.blocId, west: p.west.blocId }, true));
    await expect(
      importUnits(p.board, { file, year: YEAR, importId }, { afterChunk: crashAfterFirstChunk }),
    ).rejects.toThrow("simulated crash");
    // A transaction holds the job's update and as many whole rows as fit (every row here joins a bloc).
    const firstChunk = Math.floor((MAX_TRANSACTION_ITEMS - 1) / itemsOfRow({ blocId: p.east.blocId }));
    const left = await as(p.board, `/api/units/import/${importId}`);
    expect(left.body).toMatchObject({ status: "running", phase: "units", total: 80, done: firstChunk });
    expect(await p.units()).toHaveLength(firstChunk);
    // A live-looking job blocks another import.
    const busy = await as(p.board, "/api/units/import", "POST", { file, year: YEAR });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe("import.busy");

    aMinuteLater();
    const recovered = await as(p.board, `/api/units/import/${importId}`);
    expect(recovered.body).toMatchObject({
      status: "rolled_back",
      done: firstChunk,
      errors: [{ path: "job", message: "import.interrupted" }],
    });
    expect(await p.units()).toEqual([]);
    expect((await p.blocYear(p.east.blocId)).version).toBe(0);
    // Its membership markers are gone too: the same sheet imports again.
    vi.useRealTimers();
    const again = await as(p.board, "/api/units/import", "POST", { file, year: YEAR });
    expect(again.body).toMatchObject({ status: "done", created: 80 });
  });

  it("simulated crash: a new import rolls the abandoned job back before it starts", async () => {
    const p = await province();
    const importId = randomUUID();
    const file = await xlsx(communes(40, { east: p.east.blocId, west: p.west.blocId }, true));
    await expect(
      importUnits(p.board, { file, year: YEAR, importId }, { afterChunk: crashAfterFirstChunk }),
    ).rejects.toThrow();
    aMinuteLater();
    const res = await as(p.board, "/api/units/import", "POST", { file, year: YEAR });
    expect(res.body).toMatchObject({ status: "done", created: 40 });
    expect((await as(p.board, `/api/units/import/${importId}`)).body.status).toBe("rolled_back");
    expect(await p.units()).toHaveLength(40);
  });

  it("rolls back and names the row when a concurrent change takes a unit's id mid-way", async () => {
    const p = await province();
    const importId = randomUUID();
    const file = await xlsx(communes(80, { east: p.east.blocId, west: p.west.blocId }, true));
    const error = await importUnits(
      p.board,
      { file, year: YEAR, importId },
      // Someone adds "Xã Số 50" by hand while chunk 2 (rows 35–67) is still to come.
      {
        afterChunk: async (chunk) => {
          if (chunk === 0) await createUnit(p.board, { name: "Xã Số 50", kind: "commune" });
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "import.conflict",
      fields: [{ path: "rows.51.name", message: "import.unit_exists" }],
    });
    const job = await as(p.board, `/api/units/import/${importId}`);
    expect(job.body).toMatchObject({ status: "rolled_back", errors: [{ path: "rows.51.name" }] });
    expect((await p.units()).map((u) => u.name)).toEqual(["Xã Số 50"]);
  });

  it("restores the bloc-years it changed when a bloc's members change under it, keeping that change", async () => {
    const p = await province();
    const other = await createUnit(p.board, { name: "Xã Ngoài", kind: "commune" });
    const file = await xlsx(communes(10, { east: p.east.blocId, west: p.west.blocId }));
    const res = await importUnits(
      p.board,
      { file, year: YEAR },
      {
        // After the last chunk, someone sets the western cluster's members by hand.
        afterChunk: async () => {
          await as(p.board, `/api/blocs/${p.west.blocId}/years/${YEAR}/members`, "PUT", {
            unitIds: [other.unitId],
            version: 0,
          });
        },
      },
    ).catch((e: unknown) => e);
    expect(res).toMatchObject({
      code: "import.conflict",
      fields: [{ path: "rows.3.bloc", message: "import.bloc_year_changed" }],
    });
    // The eastern cluster was written first, then put back as it was (never saved).
    expect((await p.blocYear(p.east.blocId)).version).toBe(0);
    expect((await p.blocYear(p.west.blocId)).memberUnitIds).toEqual([other.unitId]);
    expect((await p.units()).map((u) => u.unitId)).toEqual([other.unitId]);
    const audit = await as(
      p.board,
      `/api/audit?entity=blocYear&entityId=${encodeURIComponent(`${p.east.blocId}/${YEAR}`)}`,
    );
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["delete", "create"]);
  });
});
