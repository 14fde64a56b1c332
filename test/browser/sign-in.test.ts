/// <reference lib="dom" />
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort } from "@thidua/local/dynamo";
import { loadLocalConfig } from "@thidua/local/env";
import { type Runtime, startRuntime } from "@thidua/local/runtime";
import { serveLocal } from "@thidua/local/server";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const webRoot = fileURLToPath(new URL("../../web/dist", import.meta.url));
const TIMEOUT = 60_000;

let runtime: Runtime | undefined;
let server: ReturnType<typeof serveLocal> | undefined;
let browser: Browser | undefined;
let baseUrl = "";

beforeAll(async () => {
  if (!existsSync(`${webRoot}/index.html`))
    throw new Error("web/dist is missing: run `npm run build --workspace web` first");
  const config = loadLocalConfig(["--in-memory"], {
    DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
    TABLE_NAME: `browser-${randomUUID().slice(0, 8)}`,
  });
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  runtime = await startRuntime(config, { log: () => {} });
  server = serveLocal({ app: runtime.app, webRoot, port, host: "127.0.0.1" });
  if (!server.listening) await once(server, "listening");
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
  await runtime?.stop();
}, TIMEOUT);

/** A fresh browser context: its own localStorage, so no session or language leaks between tests. */
async function freshPage(): Promise<Page> {
  if (!browser) throw new Error("the browser did not start");
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(baseUrl);
  await page.waitForURL("**/sign-in");
  const emailField = page.getByLabel("Email");
  await emailField.waitFor();
  // The first field has focus, so typing straight away fills it.
  expect(await emailField.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type(email);
  await page.getByLabel("Mật khẩu").pressSequentially(password);
  await page.keyboard.press("Enter");
}

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
      expect(names).toEqual(["An Giang", "Ninh Thuận", "Quảng Trị"]); // Vietnamese alphabetical order
      expect(await page.title()).toBe("thidua");
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
});
