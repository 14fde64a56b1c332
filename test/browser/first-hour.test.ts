/// <reference lib="dom" />
import { createAwardType } from "@thidua/core/award";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

// A board's first hour on the demo province, on the screen most officials have: 1366×768.

const harness = harnessForFile();

const nav = (page: Page) => page.getByRole("navigation", { name: "Điều hướng chính" });

async function boardPage(): Promise<Page> {
  const page = await harness().freshPage({ width: 1366, height: 768 });
  await signIn(page, harness().baseUrl, "bantdkt@an-giang.thidua.local", "thidua2025");
  // The board lands on the year's overview; these tests start from the blocs.
  await page.waitForURL("**/overview");
  await nav(page).getByRole("link", { name: "Khối, cụm thi đua" }).click();
  await page.waitForURL("**/blocs");
  return page;
}

/** True when the element's centre is on screen and not covered or clipped: what a user can actually see. */
const reachable = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const top = document.elementFromPoint(x, y);
    return top !== null && (top === element || element.contains(top));
  });

describe("a board's first hour at 1366×768", () => {
  it(
    "reads the demo province's audit trail in words: no field name, code or id",
    async () => {
      const page = await boardPage();
      await nav(page).getByRole("link", { name: "Nhật ký" }).click();
      const list = page.getByRole("list", { name: "Các thay đổi" });
      await list.waitFor();
      // Five pages: the seed's people, its years' conferences, proposals and steps, blocs, criteria and units.
      for (let i = 0; i < 4; i++) {
        const more = page.getByRole("button", { name: "Xem thêm" });
        if (!(await more.isVisible())) break;
        const count = await list.getByRole("listitem").count();
        await more.click();
        await expect.poll(() => list.getByRole("listitem").count(), { timeout: TIMEOUT }).toBeGreaterThan(count);
      }
      // What is shown, without addresses (an email holds the province's id) nor the closed technical details.
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, closed details left out
      const shown = (await list.innerText()).replace(/\S+@\S+/g, "");
      expect(shown).toContain("Khối thi đua các cơ quan Đảng tỉnh");
      expect(shown).not.toMatch(/\b[a-z]+[A-Z]\w*\b/); // camelCase field names: memberUnitIds
      expect(shown).not.toMatch(/\b[a-z]+_[a-z_]+\b/); // codes: party_agency
      expect(shown).not.toMatch(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/); // ids: bao-an-giang
      expect(shown).not.toMatch(/audit\.|units\.|blocs\./); // untranslated keys
      // The stored record is one click away, for support.
      const entry = list.getByRole("listitem").first();
      await entry.getByText("Chi tiết kỹ thuật").click();
      expect(await entry.locator("pre").textContent()).toContain('"entity"');
    },
    TIMEOUT * 2,
  );

  it(
    "reaches the province quota table's last column, and the whole navigation on one row",
    async () => {
      const page = await boardPage();
      const links = nav(page).getByRole("link");
      const tops = await links.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);

      // Ten award types make the table wider than the screen.
      const board = {
        userId: "seed",
        email: "seed@thidua.local",
        name: "Ban",
        role: "board" as const,
        tenantId: "an-giang",
      };
      for (let i = 1; i <= 6; i++)
        await createAwardType(board, { name: `Giấy khen của Chủ tịch UBND tỉnh loại ${i}`, level: "collective" });
      await nav(page).getByRole("link", { name: "Hạn mức" }).click();
      // All ten columns are there before measuring (the award types load beside the quotas).
      await page.getByRole("columnheader", { name: /loại 6$/ }).waitFor();
      const last = "table thead th:last-child";
      await page.locator(last).scrollIntoViewIfNeeded();
      expect(await reachable(page, last)).toBe(true);
      // The first column stays in view while the table scrolls sideways.
      expect(await reachable(page, "table tbody tr:first-child > th:first-child")).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "archives a unit: gone from another bloc's member picker, still among last year's members",
    async () => {
      const page = await boardPage();
      await nav(page).getByRole("link", { name: "Đơn vị" }).click();
      await page.getByRole("button", { name: "Sửa Báo An Giang" }).click();
      await page.getByRole("button", { name: "Lưu trữ", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Đã lưu trữ Báo An Giang." }).waitFor();
      // Hidden from the list unless asked for.
      await expect.poll(() => page.getByRole("button", { name: "Sửa Báo An Giang" }).count()).toBe(0);
      await page.getByLabel("Hiện cả đơn vị đã lưu trữ").check();
      await page.getByRole("button", { name: "Sửa Báo An Giang" }).waitFor();

      await nav(page).getByRole("link", { name: "Khối, cụm thi đua" }).click();
      await page.getByRole("link", { name: "Khối thi đua các tổ chức Hội đặc thù" }).click();
      await page.getByLabel("Tìm đơn vị").fill("bao an giang");
      await page.getByText("Không có đơn vị nào khớp", { exact: false }).waitFor();

      await nav(page).getByRole("link", { name: "Khối, cụm thi đua" }).click();
      await page.getByRole("link", { name: "Khối thi đua các cơ quan Đảng tỉnh" }).click();
      await page.getByLabel("Năm", { exact: true }).selectOption("2023");
      const kept = page
        .getByRole("group", { name: "Chọn đơn vị thành viên" })
        .getByRole("checkbox", { name: /^Báo An Giang/ });
      await kept.waitFor();
      expect(await kept.isChecked()).toBe(true);
      expect(await kept.locator("xpath=..").textContent()).toContain("Đã lưu trữ");
    },
    TIMEOUT,
  );

  it(
    "renders the API reference with every request off this machine blocked",
    async () => {
      const page = await harness().freshPage({ width: 1366, height: 768 });
      const local = new URL(harness().baseUrl).host;
      const blocked: string[] = [];
      await page.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.host === local) return route.continue();
        blocked.push(url.href);
        return route.abort();
      });
      await page.goto(`${harness().baseUrl}/api/docs`);
      await page.waitForURL("**/api-reference.html");
      await page.getByRole("heading", { name: /thidua API/ }).waitFor();
      // The operations are listed from the API's own document.
      await page.getByText("/api/units/{unitId}/archive").first().waitFor();
      expect(blocked).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "says plainly when a page or a bloc does not exist, with the way back and no retry",
    async () => {
      const page = await boardPage();
      for (const path of ["/khong-co-trang-nay", "/blocs/khong-co-khoi-nay"]) {
        await page.goto(`${harness().baseUrl}${path}`);
        await page.getByRole("heading", { name: "Không tìm thấy" }).waitFor();
        expect(await page.getByRole("button", { name: "Thử lại" }).count(), path).toBe(0);
        // The header and its sign-out stay.
        await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
      }
      await page.getByRole("link", { name: "Về trang chính" }).click();
      await page.waitForURL("**/overview");
    },
    TIMEOUT,
  );

  it(
    "prepares next year from this one, after a preview, and starts a new bloc's criteria from another bloc's",
    async () => {
      const page = await boardPage();
      const next = new Date().getFullYear() + 1;
      await page.getByRole("link", { name: "Khối thi đua các tổ chức Hội đặc thù" }).click();
      await page.getByLabel("Năm", { exact: true }).selectOption(String(next));
      await page.getByRole("button", { name: `Xem trước nội dung sao chép từ năm ${next - 1}` }).click();
      await page.getByText("6 thành viên:").waitFor();
      await page.getByText("Khối trưởng, khối phó không sao chép", { exact: false }).waitFor();
      await page.getByRole("button", { name: `Chuẩn bị năm ${next}` }).click();
      const picker = page.getByRole("group", { name: "Chọn đơn vị thành viên" });
      await expect.poll(() => picker.getByRole("checkbox", { checked: true }).count(), { timeout: TIMEOUT }).toBe(6);

      await nav(page).getByRole("link", { name: "Khối, cụm thi đua" }).click();
      await page.getByLabel("Tên khối, cụm").fill("Khối các sở, ban, ngành");
      await page.getByRole("button", { name: "Tạo khối, cụm" }).click();
      await page.getByRole("tab", { name: "Tiêu chí" }).click();
      await page
        .getByLabel("Bắt đầu từ")
        .selectOption({ label: "Sao chép bảng của Khối thi đua các cơ quan Đảng tỉnh" });
      await page.getByRole("button", { name: "Dùng làm bản nháp" }).click();
      // The copy is fetched, then becomes the draft.
      await expect
        .poll(() => page.getByLabel("Tên nhóm tiêu chí nhóm 1").inputValue(), { timeout: TIMEOUT })
        .toBe("Thực hiện nhiệm vụ chính trị được giao");
      await page.getByRole("button", { name: "Lưu phiên bản mới" }).click();
      await page.getByRole("status").filter({ hasText: "phiên bản 1" }).waitFor();
    },
    TIMEOUT,
  );

  it(
    "asks why before the members of a launched year change, naming the seat that goes",
    async () => {
      const page = await boardPage();
      await page.getByRole("link", { name: "Khối thi đua các cơ quan Đảng tỉnh" }).click();
      const picker = page.getByRole("group", { name: "Chọn đơn vị thành viên" });
      // The demo's current year is launched, led by the first unit that has not led yet.
      await picker.getByRole("checkbox", { name: /^Trường Chính trị Tôn Đức Thắng/ }).uncheck();
      await page.getByRole("button", { name: "Lưu thành viên" }).click();
      await page.getByText("sẽ thôi làm Khối trưởng", { exact: false }).waitFor();
      await page.getByRole("button", { name: "Xác nhận và lưu" }).click();
      await page.getByText("Nhập lý do (ít nhất 3 ký tự).").waitFor();
      await page.getByLabel("Lý do thay đổi").fill("Trường Chính trị chuyển sang khối khác theo Quyết định số 12");
      await page.getByRole("button", { name: "Xác nhận và lưu" }).click();
      await page.getByRole("status").filter({ hasText: "Đã lưu 6 thành viên" }).waitFor();
    },
    TIMEOUT,
  );
});
