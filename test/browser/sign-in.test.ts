/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harnessForFile, signIn as signInAt, TIMEOUT } from "./harness.ts";

const harness = harnessForFile();

async function freshPage(): Promise<Page> {
  return harness().freshPage();
}

const signIn = (page: Page, email: string, password: string) => signInAt(page, harness().baseUrl, email, password);

describe("signing in to the dashboard", () => {
  it(
    "shows the operator the seeded provinces, in Vietnamese, then in English",
    async () => {
      const page = await freshPage();
      await signIn(page, "ops@thidua.local", "thidua2025");

      await page.waitForURL("**/tenants");
      await page.getByRole("heading", { name: "Tỉnh/thành", level: 1 }).waitFor();
      const list = page.getByRole("list", { name: "Danh sách tỉnh/thành" });
      await list.waitFor();
      const names = await list.locator(".tenant-name").allTextContents();
      expect(names.slice(0, 4)).toEqual(["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng"]); // Vietnamese order
      expect(names).toHaveLength(35);
      expect(await page.title()).toBe("Tỉnh/thành · thidua"); // the tab names the page
      expect(await page.getByRole("navigation", { name: "Điều hướng chính" }).textContent()).toContain(
        "Tài khoản của tôi",
      );
      expect(await page.getByRole("button", { name: "Đăng xuất" }).isVisible()).toBe(true);
      expect(await page.getByRole("heading", { name: "Thêm tỉnh/thành" }).isVisible()).toBe(true);
      await page.screenshot({ path: "/tmp/thidua-dashboard.png", fullPage: true });

      // Search ignores diacritics.
      await page.getByLabel("Tìm tỉnh/thành").fill("quang tri");
      expect(await list.locator(".tenant-name").allTextContents()).toEqual(["Quảng Trị"]);

      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: "Provinces", level: 1 }).waitFor();
      expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

      // The choice survives a reload, and so does the session.
      await page.reload();
      await page.getByRole("heading", { name: "Provinces", level: 1 }).waitFor();
      expect(await page.getByRole("navigation", { name: "Main navigation" }).textContent()).toContain("My account");
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "tells the user, in Vietnamese, that the password is wrong",
    async () => {
      const page = await freshPage();
      await signIn(page, "ops@thidua.local", "not-the-password");

      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("Email hoặc mật khẩu không đúng.");
      expect(page.url()).toMatch(/\/sign-in$/);
      expect(await page.getByRole("button", { name: "Đăng nhập" }).isEnabled()).toBe(true);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "tells the user how long to wait after too many wrong passwords",
    async () => {
      const page = await freshPage();
      const alert = page.getByRole("alert");
      // Five wrong passwords are checked; the sixth attempt is refused before any check.
      for (let attempt = 1; attempt <= 6; attempt++) {
        await signIn(page, "bantdkt@quang-tri.thidua.local", "doan-mat-khau");
        await alert.waitFor();
      }
      expect(await alert.textContent()).toContain("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 5 phút.");
      await page.context().close();
    },
    TIMEOUT,
  );
});
