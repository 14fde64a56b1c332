/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PASSWORD, rankedBlocOfThree } from "./bloc-year.fixture.ts";
import { status, tab } from "./bloc-year.steps.ts";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

// The year-end conference of a ranked bloc: members vote on phones, the leader counts and proposes, the board decides.
const year = new Date().getFullYear();
const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 768 };

const harness = harnessForFile();

async function signedIn(email: string, password: string, viewport: { width: number; height: number }) {
  const page = await harness().freshPage(viewport);
  await signIn(page, harness().baseUrl, email, password);
  await page.waitForURL("**/overview");
  return page;
}

/** Clicks a download button and answers the file's suggested name and its bytes. */
async function downloadedFile(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}

const yearUrl = (blocId: string) => `${harness().baseUrl}/blocs/${blocId}/years/${year}`;

/** A member's officer on a phone: the vote page, one question per screen, chosen, confirmed, sent. */
async function vote(page: Page, blocId: string, choice: string) {
  await page.goto(`${yearUrl(blocId)}/vote`);
  await page.getByText("Câu 1/1").waitFor();
  await page.getByRole("heading", { name: `Bầu đơn vị dẫn đầu khối năm ${year}` }).waitFor();
  // A large target: the whole row is the label, at least 48 px high.
  const target = page.locator("label").filter({ hasText: choice });
  expect((await target.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
  await target.click();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByRole("heading", { name: "Xác nhận phiếu bầu" }).waitFor();
  await page.getByRole("button", { name: "Gửi phiếu bầu" }).click();
  await page.getByText("Bạn đã bỏ phiếu").waitFor();
  // Nothing sideways to scroll on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describe("the year-end conference", () => {
  it(
    "has three units vote on phones; the leader closes, proposes within the quota; the board approves with a decision number",
    async () => {
      const bloc = await rankedBlocOfThree(year);
      const [tuPhap] = bloc.names;
      const [leaderEmail = "", ...others] = bloc.emails;

      // The leader opens the vote for the leading unit: candidates from the ranking, all preselected.
      const leader = await signedIn(leaderEmail, PASSWORD, desktop);
      await leader.goto(`${yearUrl(bloc.blocId)}?tab=conference`);
      await leader.getByRole("button", { name: "Mở phiếu bầu" }).click();
      const dialog = leader.getByRole("dialog");
      await dialog.getByText("Danh sách bầu (3 đơn vị)").waitFor();
      await dialog.getByRole("button", { name: "Mở phiếu bầu" }).click();
      await leader.getByRole("heading", { name: `Bầu đơn vị dẫn đầu khối năm ${year}` }).waitFor();
      // Everyone is at the conference.
      await leader.getByRole("button", { name: "Chọn tất cả" }).click();
      await leader.getByRole("button", { name: "Lưu danh sách có mặt" }).click();
      await leader.getByText("Có mặt: 3/3 thành viên").waitFor();

      // Each member's officer votes on a phone, for the first-ranked unit.
      const phones = await Promise.all(others.map((email) => signedIn(email, PASSWORD, phone)));
      for (const page of phones) await vote(page, bloc.blocId, tuPhap);
      const leaderPhone = await signedIn(leaderEmail, PASSWORD, phone);
      await vote(leaderPhone, bloc.blocId, tuPhap);

      // The leader's page follows the turnout by itself, then counts.
      await leader.getByText("3 trong 3 thành viên đã bỏ phiếu").waitFor();
      await leader.getByRole("button", { name: "Kết thúc bỏ phiếu và kiểm phiếu" }).click();
      await leader.getByRole("alertdialog").getByRole("button", { name: "Kết thúc và kiểm phiếu" }).click();
      await leader.getByText(`Trúng cử: ${tuPhap}.`).first().waitFor();
      // The minutes come from the count: three papers issued and returned, all valid, none blank; three votes for the winner.
      const minutes = leader.getByRole("article", { name: "Biên bản kiểm phiếu" });
      await minutes.getByRole("heading", { name: "BIÊN BẢN KIỂM PHIẾU" }).waitFor();
      const papers = minutes.getByRole("table", { name: "Số phiếu", exact: true }).locator("tbody td");
      expect(await papers.allInnerTexts()).toEqual(["3", "3", "3", "0", "0"]);
      const winner = minutes
        .getByRole("table", { name: "Số phiếu bầu cho từng đơn vị" })
        .getByRole("row", { name: tuPhap });
      expect(await winner.locator("td").nth(1).textContent()).toBe("3");
      // The same minutes as a Word file: drawn by the API, downloaded from storage under a readable name.
      expect((await downloadedFile(leader, "Tải biên bản (Word)")).name).toBe(`Bien-ban-kiem-phieu-${year}.docx`);

      // The leader proposes the elected unit for the provincial flag: the bloc's quota of one is then used.
      await tab(leader, "Khen thưởng");
      await leader
        .getByLabel("Hình thức khen thưởng", { exact: true })
        .selectOption({ label: "Cờ thi đua của UBND tỉnh (còn 1/1)" });
      await leader.getByLabel("Đơn vị được đề nghị", { exact: true }).selectOption({ label: `${tuPhap} (3/3 phiếu)` });
      await leader.getByRole("button", { name: "Gửi đề nghị" }).click();
      await status(leader, `Đã gửi đề nghị Cờ thi đua của UBND tỉnh cho ${tuPhap}.`).waitFor();
      await leader.getByText("1/1 đã dùng").first().waitFor();
      // With a proposal standing, the memo to the board and its list.
      expect((await downloadedFile(leader, "Tải tờ trình (Word)")).name).toBe(
        `To-trinh-de-nghi-khen-thuong-${year}.docx`,
      );
      expect(await leader.getByRole("button", { name: "Tải quyết định khen thưởng (Word)" }).count()).toBe(0);

      // The board approves it from its queue with the decision's number, date and signer.
      const board = await signedIn("bantdkt@an-giang.thidua.local", "thidua2025", desktop);
      await board.goto(`${harness().baseUrl}/proposals?year=${year}`);
      await board.getByRole("heading", { name: "Đề nghị khen thưởng", level: 1 }).waitFor();
      await board.getByLabel("Năm thi đua").selectOption(String(year));
      await board
        .getByRole("button", { name: `Phê duyệt đề nghị Cờ thi đua của UBND tỉnh của ${tuPhap}`, exact: true })
        .click();
      const approve = board.getByRole("dialog");
      await approve.getByLabel("Số quyết định", { exact: true }).fill(`125/QĐ-UBND`);
      await approve.getByLabel("Ngày ký", { exact: true }).fill(`15/01/${year}`);
      await approve.getByLabel("Người ký", { exact: true }).fill("Chủ tịch UBND tỉnh");
      await approve.getByRole("button", { name: "Phê duyệt", exact: true }).click();
      await status(board, `Đã phê duyệt đề nghị Cờ thi đua của UBND tỉnh của ${tuPhap}.`).waitFor();

      // The bloc sees the decision beside its proposal.
      await leader.reload();
      await leader.getByText(`Quyết định số 125/QĐ-UBND ngày 15/01/${year}`).waitFor();
      // The decision, previewed (the same content as the file, in a sandboxed frame), then downloaded from the
      // preview as a Word file, under the number and signer the board recorded.
      await leader.getByRole("button", { name: "Xem trước: Quyết định khen thưởng" }).click();
      const preview = leader.getByRole("dialog", { name: "Quyết định khen thưởng (xem trước)" });
      const page = preview.frameLocator("iframe[title='Bản xem trước: Quyết định khen thưởng']");
      await page.getByText("Số: 125/QĐ-UBND").waitFor();
      await page.getByText("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG").waitFor();
      expect(await page.locator("table.grid td").allInnerTexts()).toContain(tuPhap);
      expect(await preview.locator("iframe").getAttribute("sandbox")).toBe("");
      // From the keyboard: Tab reaches the page inside the frame, where the arrow keys scroll it.
      const focused = () => page.locator("article").evaluate((article) => article === document.activeElement);
      for (let presses = 0; presses < 4 && !(await focused()); presses++) await leader.keyboard.press("Tab");
      expect(await focused()).toBe(true);
      const [saved] = await Promise.all([
        leader.waitForEvent("download"),
        preview.getByRole("button", { name: "Tải quyết định khen thưởng (Word)" }).click(),
      ]);
      const decision = { name: saved.suggestedFilename(), bytes: new Uint8Array(await readFile(await saved.path())) };
      expect(decision.name).toBe(`Quyet-dinh-khen-thuong-${year}.docx`);
      const xml = strFromU8(unzipSync(decision.bytes)["word/document.xml"] as Uint8Array);
      expect(xml).toContain("Số: 125/QĐ-UBND");
      expect(xml).toContain(tuPhap);
      for (const page of [leader, leaderPhone, ...phones, board]) await page.context().close();
    },
    TIMEOUT * 2,
  );
});
