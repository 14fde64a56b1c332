/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

const year = new Date().getFullYear();
const HOI_BLOC = "Khối thi đua các tổ chức Hội đặc thù"; // one of An Giang's seeded blocs

const harness = harnessForFile();

/** An .xlsx as a board would fill it in: the template's headers, then one row per unit. */
async function sheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const units = workbook.addWorksheet("Đơn vị");
  units.addRow(["Tên đơn vị", "Tên viết tắt", "Loại", "Khối/Cụm"]);
  for (const row of rows) units.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function unitsPage(): Promise<Page> {
  const page = await harness().freshPage();
  await signIn(page, harness().baseUrl, "bantdkt@an-giang.thidua.local", "thidua2025");
  await page.waitForURL("**/overview");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Đơn vị" }).click();
  await page.getByRole("heading", { name: "Đơn vị", level: 1 }).waitFor();
  await page.getByRole("table").waitFor();
  return page;
}

async function openImport(page: Page) {
  await page.getByRole("button", { name: "Nhập từ Excel" }).click();
  await page.getByRole("heading", { name: "Nhập đơn vị từ Excel" }).waitFor();
}

const chooseSheet = async (page: Page, buffer: Buffer) =>
  page.getByLabel("Tệp Excel (.xlsx)").setInputFiles({
    name: "don-vi.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });

const unitCount = async (page: Page) => Number((await page.locator(".count").first().textContent())?.split(" ")[0]);

/** The names the units list shows for a search without diacritics. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.getByLabel("Tìm đơn vị").fill(query);
  return page.getByRole("table", { name: "Danh sách đơn vị" }).locator("tbody th").allTextContents();
}

describe("the board imports units from an .xlsx sheet", () => {
  it(
    "offers the template, and lists a bad row's problem without importing anything",
    async () => {
      const page = await unitsPage();
      const before = await unitCount(page);
      await openImport(page);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải mẫu" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("mau-nhap-don-vi.xlsx");
      const template = new ExcelJS.Workbook();
      await template.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
      expect(template.worksheets[0]?.getRow(1).values).toEqual([
        undefined,
        "Tên đơn vị",
        "Tên viết tắt",
        "Loại",
        "Khối/Cụm",
      ]);

      await chooseSheet(
        page,
        await sheet([
          ["Sở Xây dựng", "SXD", "Cơ quan nhà nước", ""],
          ["Sở Công Thương", "", "Loại lạ", ""],
          ["", "", "Hội", ""],
        ]),
      );
      const problems = page.getByRole("alert").filter({ hasText: "chưa đơn vị nào được nhập" });
      await problems.waitFor();
      expect(await problems.getByRole("listitem").allTextContents()).toEqual([
        "Dòng 3: Loại đơn vị không hợp lệ.",
        "Dòng 4: Chưa có tên đơn vị.",
      ]);
      expect(await page.getByRole("button", { name: /^Nhập \d+ đơn vị$/ }).count()).toBe(0);
      await page.screenshot({ path: "/tmp/thidua-import-errors.png", fullPage: true });

      // Nothing was written: the list is as it was, and the valid row is not in it.
      await page.getByRole("button", { name: "Đóng" }).click();
      await page.reload();
      await page.getByRole("table").waitFor();
      expect(await unitCount(page)).toBe(before);
      await page.getByLabel("Tìm đơn vị").fill("so xay dung");
      await page.getByText("Không có đơn vị nào khớp với điều kiện tìm.").waitFor();
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "previews a valid sheet, follows the import's progress, then lists the units and the bloc's new member",
    async () => {
      const page = await unitsPage();
      const before = await unitCount(page);
      await openImport(page);
      await chooseSheet(
        page,
        await sheet([
          ["Sở Xây dựng", "SXD", "Cơ quan nhà nước", ""],
          ["Sở Công Thương", "SCT", "so nganh", ""], // a kind's other spelling, without diacritics
          ["Hội Cựu chiến binh tỉnh", "", "Hội", HOI_BLOC],
        ]),
      );
      await page.getByRole("status").filter({ hasText: "Tệp hợp lệ: 3 đơn vị sẽ được thêm" }).waitFor();
      const preview = page.getByRole("table", { name: `Các đơn vị sẽ được nhập, năm ${year}` });
      expect(await preview.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.textContent))).toEqual([
        "2Sở Xây dựngSXDCơ quan nhà nước—",
        "3Sở Công ThươngSCTCơ quan nhà nước—",
        `4Hội Cựu chiến binh tỉnh—Hội${HOI_BLOC}`,
      ]);
      await page.screenshot({ path: "/tmp/thidua-import-preview.png", fullPage: true });

      // Hold the import's answer until the polled progress has reached the end: the bar follows the job.
      const progress = page.getByRole("progressbar");
      await page.route("**/api/units/import", async (route) => {
        if (route.request().postDataJSON()?.dryRun) return route.fallback();
        const response = await route.fetch();
        await page.locator('[role="progressbar"][aria-valuenow="3"]').waitFor();
        await page.screenshot({ path: "/tmp/thidua-import-progress.png", fullPage: true });
        await route.fulfill({ response });
      });
      await page.getByRole("button", { name: "Nhập 3 đơn vị" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Đã nhập 3 đơn vị (xếp khối, cụm năm ${year}).` })
        .waitFor();
      expect(await progress.getAttribute("aria-valuemax")).toBe("3");
      expect(await progress.getAttribute("aria-valuenow")).toBe("3");
      await page.screenshot({ path: "/tmp/thidua-import-done.png", fullPage: true });

      // The list was refreshed.
      await page.getByRole("button", { name: "Đóng" }).click();
      await page.getByText(`${before + 3} đơn vị`).waitFor();
      expect(await search(page, "so xay dung")).toEqual(["Sở Xây dựng (SXD)"]);
      expect(await search(page, "cuu chien binh")).toEqual(["Hội Cựu chiến binh tỉnh"]);

      // The bloc's members of the year include the imported unit.
      await page
        .getByRole("navigation", { name: "Điều hướng chính" })
        .getByRole("link", { name: "Khối, cụm thi đua" })
        .click();
      await page.getByRole("link", { name: HOI_BLOC }).click();
      await page.getByRole("heading", { name: HOI_BLOC, level: 1 }).waitFor();
      const members = page.getByRole("group", { name: "Chọn đơn vị thành viên" });
      expect(await members.getByRole("checkbox", { name: /^Hội Cựu chiến binh tỉnh/ }).isChecked()).toBe(true);
      await page.context().close();
    },
    TIMEOUT,
  );
});
