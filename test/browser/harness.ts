/// <reference lib="dom" />
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { App } from "@thidua/functions/app";
import { freePort } from "@thidua/local/dynamo";
import { loadLocalConfig } from "@thidua/local/env";
import { type Runtime, startRuntime } from "@thidua/local/runtime";
import { serveLocal } from "@thidua/local/server";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { copyDemoInto } from "../support/demo-template.ts";

const webRoot = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** A ceiling for a loaded machine, not an expectation: the run's first harness seeds the whole demo. */
export const TIMEOUT = 200_000;

export interface Harness {
  baseUrl: string;
  runtime: Runtime;
  /** A fresh browser context: its own localStorage, so no session or language leaks between tests. */
  freshPage(viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** The API to serve instead of the runtime's own (composed from its parts: another sign-in, say). */
  app?: (runtime: Runtime) => App;
}

/**
 * The real local runtime (API, identity provider, demo data) on the run's DynamoDB Local, in a table of
 * its own holding a copy of the demo, serving the built dashboard; and Debian's Chromium to drive it.
 */
export async function startHarness({ app }: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(`${webRoot}/index.html`))
    throw new Error("web/dist is missing: run `npm run build --workspace web` first");
  const port = await freePort();
  const config = loadLocalConfig(["--in-memory"], {
    DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
    TABLE_NAME: `browser-${randomUUID().slice(0, 8)}`,
    // Invitation links open the dashboard under test.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  await copyDemoInto(config.TABLE_NAME);
  // The runtime finds the demo's provinces there and keeps them as they are.
  const runtime: Runtime = await startRuntime(config, { log: () => {} });
  const server = serveLocal({ app: app ? app(runtime) : runtime.app, webRoot, port, host: "127.0.0.1" });
  if (!server.listening) await once(server, "listening");
  let browser: Browser;
  try {
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
  } catch (error) {
    server.close();
    await runtime.stop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    async freshPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, locale: "vi-VN" });
      return context.newPage();
    },
    async stop() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
    },
  };
}

/** Signs in from the sign-in page with the keyboard, as a user would. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
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

/**
 * The harness of a test file: started before its tests and stopped after them, whatever the outcome;
 * read it inside tests (`harness().baseUrl`).
 */
export function harnessForFile(options?: HarnessOptions): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
  }, TIMEOUT);
  afterAll(async () => {
    await harness?.stop();
  }, TIMEOUT);
  return () => {
    if (!harness) throw new Error("the browser did not start");
    return harness;
  };
}
