/// <reference lib="dom" />
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { TIMEOUT } from "./harness.ts";

/** What officials do on the year's pages, step by step, as the browser tests of a bloc's year say it. */

const year = new Date().getFullYear();

/** A polite confirmation (role="status") with this text. */
export const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text }).first();

/** The phase the stepper marks as current. */
export const currentStep = (page: Page) => page.locator('[aria-current="step"]');

export const tab = (page: Page, name: string) => page.getByRole("tab", { name }).click();

/** The overview again, read afresh: another officer may have moved the year meanwhile. */
export async function overview(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/overview`);
  await page.getByRole("heading", { name: `Năm thi đua ${year}`, level: 1 }).waitFor();
}

/** Follows the overview's one button for the unit's next step. */
export async function nextStep(page: Page, baseUrl: string, title: string, button: string) {
  await overview(page, baseUrl);
  await page.getByRole("heading", { name: `Việc cần làm: ${title}` }).waitFor();
  await page.getByRole("link", { name: button, exact: true }).click();
}

/** Those who lead move the year on from the progress tab, after the confirmation. */
export async function moveTo(page: Page, phase: string) {
  await page.reload();
  await tab(page, "Tiến độ các đơn vị");
  const move = page.getByRole("button", { name: `Chuyển sang bước ${phase}` });
  await expect.poll(() => move.isEnabled(), { timeout: TIMEOUT }).toBe(true);
  await move.click();
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await status(page, `Đã chuyển sang bước ${phase}.`).waitFor();
  expect(await currentStep(page).textContent()).toContain(phase);
}

export interface FileToUpload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Uploads the evidence of a line and waits until it is attached. */
export async function upload(page: Page, line: string, file: FileToUpload) {
  await page.getByLabel(`Tải tệp minh chứng lên tiêu chí ${line}`).setInputFiles(file);
  await page.getByRole("button", { name: `Tải về ${file.name}` }).waitFor();
}

/** Types a unit's points (with the decimal comma, as officials type them) and its explanations. */
export async function score(page: Page, lines: Record<string, [string, string]>) {
  for (const [line, [points, note]] of Object.entries(lines)) {
    const bonus = line.startsWith("b");
    await page.getByLabel(`${bonus ? "Điểm cộng mục điểm thưởng" : "Điểm tự chấm tiêu chí"} ${line}`).fill(points);
    await page.getByLabel(`${bonus ? "Lý do mục điểm thưởng" : "Giải trình tiêu chí"} ${line}`).fill(note);
  }
}

export async function submitSheet(page: Page) {
  await page.getByRole("button", { name: "Nộp bảng tự chấm" }).click();
  await page.getByRole("button", { name: "Xác nhận nộp" }).click();
}

/** A verifier's cell of the grid: "Sở Tài chính, 1.1: tự chấm 58, thẩm định chưa có". */
export const cell = (page: Page, unit: string, line: string): Locator =>
  page.getByRole("button", { name: new RegExp(`^${unit}, ${line.replace(".", "\\.")}: `) });

/** The rest of a sheet as the unit scored it, then the lock. */
export async function verifyAsScored(page: Page, unit: string) {
  await page.getByRole("button", { name: `Giữ nguyên điểm tự chấm các mục còn lại ${unit}` }).click();
  const lock = page.getByRole("button", { name: `Khóa bảng điểm ${unit}` });
  await lock.click();
  await lock.waitFor({ state: "detached" });
}

/** The ranking table's rows as read: rank, unit, total. */
export async function rankingRows(page: Page) {
  const rows = page
    .getByRole("table", { name: `Xếp hạng các đơn vị năm ${year} theo điểm thẩm định` })
    .getByRole("row");
  await expect.poll(() => rows.count(), { timeout: TIMEOUT }).toBeGreaterThan(1);
  return rows.evaluateAll((all) =>
    all.slice(1).map((row) =>
      Array.from(row.querySelectorAll("th, td"))
        .slice(0, 3)
        .map((c) => c.textContent?.trim()),
    ),
  );
}
