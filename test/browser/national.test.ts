/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import { compareVietnamese } from "@thidua/core/text";
import { demoProvinces } from "@thidua/local/seed/index";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

// The national board's view of the demo's 35 provinces (the 34 after the 2025 reform and Ninh Thuận), at
// 1366×768: figures, sorting, filtering, export, and one province's blocs.
const year = new Date().getFullYear();
const PROVINCES = demoProvinces.map((p) => p.name).sort(compareVietnamese);

const harness = harnessForFile();

async function signedIn(email: string): Promise<Page> {
  const page = await harness().freshPage({ width: 1366, height: 768 });
  await signIn(page, harness().baseUrl, email, "thidua2025");
  return page;
}

const provincesTable = (page: Page) => page.getByRole("table", { name: `Số liệu các tỉnh/thành năm ${year}` });
/** The provinces' names in the table's order. */
const names = (table: Locator) => table.locator("tbody th a").allTextContents();
/** A column's figures in the table's order (the first column is the row's header, so cells count from 1). */
async function column(table: Locator, header: string): Promise<number[]> {
  const headers = await table.locator("thead th").allTextContents();
  const index = headers.findIndex((text) => text.startsWith(header));
  if (index < 1) throw new Error(`no column ${header}`);
  const cells = await table.locator(`tbody tr > :nth-child(${index + 1})`).allTextContents();
  return cells.map(Number);
}

/**
 * The aggregator writes each province's figures a few seconds after the seed: read them again (as a user
 * would, with the page's button) until every province has some.
 */
async function waitForFigures(page: Page, count: number) {
  await expect
    .poll(
      async () => {
        await page.getByRole("button", { name: "Tải lại số liệu" }).click();
        await page.getByRole("button", { name: "Tải lại số liệu" }).waitFor();
        return provincesTable(page).locator("tbody tr:not(.inactive)").count();
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(count);
}

describe("the national overview", () => {
  it(
    "shows every province's figures, sorts, filters, exports and opens one province's blocs",
    async () => {
      const page = await signedIn("trunguong@thidua.local");
      // The national viewer lands on the national page, this year by default.
      await page.waitForURL("**/national");
      await page.getByRole("heading", { name: `Thi đua, khen thưởng toàn quốc năm ${year}`, level: 1 }).waitFor();
      await waitForFigures(page, PROVINCES.length);
      const table = provincesTable(page);
      // All of them on one page, in the Vietnamese order of their names.
      expect(await names(table)).toEqual(PROVINCES);
      expect(PROVINCES).toHaveLength(35);
      // Each province has units and blocs this year (the demo's year under way in every province).
      const units = await column(table, "Đơn vị");
      expect(units.every((n) => n > 0)).toBe(true);
      const totals = page.getByRole("definition").filter({ hasText: "trên 35 tỉnh/thành" });
      await expect.poll(() => totals.textContent()).toMatch(/^35/);

      // Sorting by units: largest first, then turned around; ties keep the Vietnamese order of names.
      await table.getByRole("button", { name: "Đơn vị", exact: true }).click();
      await expect.poll(() => column(table, "Đơn vị")).toEqual([...units].sort((a, b) => b - a));
      expect(await table.locator("thead th[aria-sort]").getAttribute("aria-sort")).toBe("descending");
      await table.getByRole("button", { name: "Đơn vị", exact: true }).press("Enter");
      await expect.poll(() => column(table, "Đơn vị")).toEqual([...units].sort((a, b) => a - b));
      // Back to names, from Z to A.
      await table.getByRole("button", { name: "Tỉnh/thành", exact: true }).click();
      await table.getByRole("button", { name: "Tỉnh/thành", exact: true }).click();
      await expect.poll(() => names(table)).toEqual([...PROVINCES].reverse());

      // A name typed without diacritics finds the province; a name nowhere says so.
      const search = page.getByLabel("Tìm tỉnh/thành");
      await search.fill("quang tri");
      await expect.poll(() => names(table)).toEqual(["Quảng Trị"]);
      await search.fill("hue");
      await expect.poll(() => names(table)).toEqual(["Huế"]);
      await search.fill("hué xyz");
      await page.getByText("Không có tỉnh/thành nào khớp với “hué xyz”.").waitFor();
      await search.fill("");
      await expect.poll(() => names(table)).toEqual([...PROVINCES].reverse());

      // The table as shown goes to Excel: one row per province, figures as numbers.
      const shown = await names(table);
      const shownUnits = await column(table, "Đơn vị");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Xuất Excel (35 tỉnh/thành)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`thi-dua-toan-quoc-${year}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(`Toàn quốc ${year}`);
      if (!sheet) throw new Error("the workbook has no sheet for the year");
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(headers.slice(0, 3)).toEqual(["Tỉnh/thành", "Mã tỉnh/thành", "Số đơn vị"]);
      expect(headers).toContain("Số khen thưởng đã phê duyệt");
      expect(sheet.rowCount).toBe(36);
      const rows = shown.map((_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
      expect(rows.map((row) => row[0])).toEqual(shown);
      expect(rows.map((row) => row[2])).toEqual(shownUnits);
      for (const row of rows) for (const cell of row.slice(2, -1)) expect(typeof cell).toBe("number");

      // Ninh Thuận's blocs this year, then its closed 2023 with the proposals it made.
      await table.getByRole("link", { name: "Ninh Thuận" }).click();
      await page.waitForURL(`**/national/ninh-thuan?year=${year}`);
      const heading = page.getByRole("heading", { name: `Ninh Thuận: năm thi đua ${year}`, level: 1 });
      await heading.waitFor();
      expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
      const blocs = page.getByRole("table", { name: `Các khối, cụm thi đua năm ${year}` });
      const blocRow = blocs.getByRole("row").filter({ hasText: "Khối thi đua các cơ quan Đảng tỉnh" });
      await blocRow.waitFor();
      expect(await blocRow.textContent()).toContain("Khối thi đua");

      await page.getByLabel("Năm", { exact: true }).selectOption("2023");
      await page.getByRole("heading", { name: "Ninh Thuận: năm thi đua 2023", level: 1 }).waitFor();
      const closed = page.getByRole("table", { name: "Các khối, cụm thi đua năm 2023" });
      await closed.getByRole("row").filter({ hasText: "Kết thúc năm" }).waitFor();
      const awards = page.getByRole("table", { name: "Đề nghị khen thưởng năm 2023 theo hình thức và tình trạng" });
      await awards.getByRole("row").filter({ hasText: "Cờ thi đua của UBND tỉnh" }).waitFor();
      await awards.getByRole("row").filter({ hasText: "Bằng khen của Chủ tịch UBND tỉnh" }).waitFor();

      // Back to the national page, for 2023: Ninh Thuận's figures are there, a year without any says so.
      await page.getByRole("link", { name: "← Toàn quốc" }).click();
      await page.getByRole("heading", { name: "Thi đua, khen thưởng toàn quốc năm 2023", level: 1 }).waitFor();
      await page.getByRole("table", { name: "Số liệu các tỉnh/thành năm 2023" }).waitFor();
      // Next year has nothing yet.
      await page.getByLabel("Năm", { exact: true }).selectOption(String(year + 1));
      await page.getByText(`Chưa có số liệu năm ${year + 1}.`).waitFor();
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "a board's decision reaches the national figures in seconds; the operator sees each province's status",
    async () => {
      // Ninh Thuận's board approves the provincial flag its bloc proposed for 2023.
      const board = await signedIn("bantdkt@ninh-thuan.thidua.local");
      await board.waitForURL("**/overview");
      await board.goto(`${harness().baseUrl}/proposals?year=2023`);
      await board.getByRole("heading", { name: "Đề nghị khen thưởng", level: 1 }).waitFor();
      await board
        .getByRole("button", { name: "Phê duyệt đề nghị Cờ thi đua của UBND tỉnh của Văn phòng Tỉnh ủy", exact: true })
        .click();
      const approve = board.getByRole("dialog");
      await approve.getByLabel("Số quyết định", { exact: true }).fill("35/QĐ-UBND");
      await approve.getByLabel("Ngày ký", { exact: true }).fill("20/01/2024");
      await approve.getByLabel("Người ký", { exact: true }).fill("Chủ tịch UBND tỉnh");
      await approve.getByRole("button", { name: "Phê duyệt", exact: true }).click();
      await board
        .getByRole("status")
        .filter({ hasText: "Đã phê duyệt đề nghị Cờ thi đua của UBND tỉnh của Văn phòng Tỉnh ủy." })
        .first()
        .waitFor();
      await board.context().close();

      // The operator keeps the provinces as home, and opens the national page from the menu.
      const page = await signedIn("ops@thidua.local");
      await page.waitForURL("**/tenants");
      // The operator's menu holds on one row at 1366 px.
      const menu = page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link");
      const tops = await menu.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Toàn quốc" }).click();
      await page.waitForURL("**/national");
      await page.getByLabel("Năm", { exact: true }).selectOption("2023");
      const table = page.getByRole("table", { name: "Số liệu các tỉnh/thành năm 2023" });
      const ninhThuan = table.getByRole("row").filter({ hasText: "Ninh Thuận" });
      await ninhThuan.getByText("Đang hoạt động").waitFor();
      // The aggregator recomputes 2023 after the decision: read again until the flag joins the two certificates.
      await expect
        .poll(
          async () => {
            await page.getByRole("button", { name: "Tải lại số liệu" }).click();
            await page.getByRole("button", { name: "Tải lại số liệu" }).waitFor();
            return (await column(table, "Khen thưởng"))[(await names(table)).indexOf("Ninh Thuận")];
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe(3);
      // The awards chart (loaded when shown) has Ninh Thuận's flag beside the two certificates the demo's board
      // had approved, its figures also as a table.
      await expect.poll(() => page.locator(".national-chart .recharts-bar-rectangle").count()).toBe(2);
      await page.getByText("Xem số liệu của biểu đồ dạng bảng").click();
      const chartTable = page.getByRole("table", {
        name: "Khen thưởng đã phê duyệt theo hình thức, từng tỉnh/thành, năm 2023",
      });
      expect(await chartTable.locator("thead th").allTextContents()).toEqual([
        "Tỉnh/thành",
        "Cờ thi đua của UBND tỉnh",
        "Bằng khen của Chủ tịch UBND tỉnh",
      ]);
      expect(await chartTable.locator("tbody tr").allTextContents()).toEqual(["Ninh Thuận12"]);
      // The other charts, from the keyboard.
      await page.getByRole("tab", { name: "Khen thưởng theo hình thức" }).press("ArrowRight");
      await expect.poll(() => page.locator(".national-chart .recharts-bar-rectangle").count()).toBeGreaterThan(0);
      await page.getByRole("tab", { name: "Tiến độ các khối, cụm" }).press("ArrowRight");
      await page.getByText("Tỷ lệ việc các đơn vị đã làm").waitFor();
      await page.context().close();
    },
    TIMEOUT,
  );
});
