/// <reference lib="dom" />
import { createAwardType } from "@thidua/core/award";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signIn, startHarness, TIMEOUT } from "./harness.ts";

// A board's first hour on the demo province, on the screen most officials have: 1366×768.
let harness: Harness | undefined;

beforeAll(async () => {
  harness = await startHarness();
}, TIMEOUT);

afterAll(async () => {
  await harness?.stop();
}, TIMEOUT);

async function boardPage(): Promise<Page> {
  if (!harness) throw new Error("the browser did not start");
  const page = await harness.freshPage({ width: 1366, height: 768 });
  await signIn(page, harness.baseUrl, "bantdkt@an-giang.thidua.local", "thidua2025");
  await page.waitForURL("**/blocs");
  return page;
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Điều hướng chính" });

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
      // Three pages: the seed's people, blocs, years, criteria and units.
      for (let i = 0; i < 2; i++) {
        const more = page.getByRole("button", { name: "Xem thêm" });
        if (!(await more.isVisible())) break;
        const count = await list.getByRole("listitem").count();
        await more.click();
        await expect.poll(() => list.getByRole("listitem").count(), { timeout: TIMEOUT }).toBeGreaterThan(count);
      }
      // What is shown, without addresses (an email holds the province's id) nor the closed technical details.
      const shown = (await list.innerText()).replace(/\S+@\S+/g, "");
      expect(shown).toContain("Khối thi đua các cơ quan Đảng tỉnh");
      expect(shown).not.toMatch(/\b[a-z]+[A-Z]\w*\b/); // camelCase field names: memberUnitIds
      expect(shown).not.toMatch(/\b[a-z]+_[a-z_]+\b/); // codes: party_agency
      expect(shown).not.toMatch(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/); // ids: bao-an-giang
      expect(shown).not.toMatch(/audit\.|units\.|blocs\./); // untranslated keys
      // The stored record is one click away, for support.
      const entry = list.getByRole("listitem").first();
      await entry.getByText("Chi tiết kỹ thuật").click();
      expect(await entry.locator("pre").innerText()).toContain('"entity"');
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
      const table = page.getByRole("table");
      await table.waitFor();
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
      expect(await kept.locator("xpath=..").innerText()).toContain("Đã lưu trữ");
    },
    TIMEOUT,
  );

  it(
    "renders the API reference with every request off this machine blocked",
    async () => {
      if (!harness) throw new Error("the browser did not start");
      const page = await harness.freshPage({ width: 1366, height: 768 });
      const local = new URL(harness.baseUrl).host;
      const blocked: string[] = [];
      await page.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.host === local) return route.continue();
        blocked.push(url.href);
        return route.abort();
      });
      await page.goto(`${harness.baseUrl}/api/docs`);
      await page.waitForURL("**/api-reference.html");
      await page.getByRole("heading", { name: /thidua API/ }).waitFor();
      // The operations are listed from the API's own document.
      await page.getByText("/api/units/{unitId}/archive").first().waitFor();
      expect(blocked).toEqual([]);
    },
    TIMEOUT,
  );
});
