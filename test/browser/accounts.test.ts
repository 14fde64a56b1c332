/// <reference lib="dom" />
import type { Actor } from "@thidua/core/actor";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harnessForFile, signIn as signInAt, TIMEOUT } from "./harness.ts";

const harness = harnessForFile();

const baseUrl = () => harness().baseUrl;

async function freshPage(): Promise<Page> {
  return harness().freshPage();
}

/** The link an invitation left on the page (locally no mail is sent: the dashboard shows it). */
async function invitationLink(page: Page): Promise<string> {
  const link = page.locator(".invitation-link a");
  await link.waitFor();
  const href = await link.getAttribute("href");
  if (!href) throw new Error("the invitation shows no link");
  return href;
}

/** Opens an invitation link and sets the password, as the invited person does. */
async function acceptInvitation(page: Page, link: string, greeting: string, password: string) {
  await page.goto(link);
  await page.getByRole("heading", { name: "Nhận lời mời", level: 1 }).waitFor();
  await page.getByText(greeting).waitFor();
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill(password);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(password);
  await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
}

describe("a province from onboarding to its first unit officer", () => {
  it(
    "the operator onboards a province; its board joins, invites a unit officer, who joins and sees only that province",
    async () => {
      const stamp = Date.now().toString(36);
      const tenantId = `binh-phuoc-${stamp}`;
      const boardEmail = `bantdkt.${stamp}@laichau.gov.vn`;
      const officerEmail = `canbo.${stamp}@laichau.gov.vn`;

      // The operator creates Bình Phước (gone in 2025, so not in the demo) with its first board member, and sees its invitation link.
      const operator = await freshPage();
      await signInAt(operator, baseUrl(), "ops@thidua.local", "thidua2025");
      await operator.waitForURL("**/tenants");
      await operator.getByLabel("Tên tỉnh/thành").fill("Bình Phước");
      await operator.getByLabel("Mã tỉnh/thành").fill(tenantId);
      await operator.getByLabel("Họ và tên").fill("Lò Văn Thi");
      await operator.getByLabel("Email công vụ").fill(boardEmail);
      await operator.getByRole("button", { name: "Thêm tỉnh/thành" }).click();
      const boardLink = await invitationLink(operator);
      expect(boardLink).toMatch(new RegExp(`^${baseUrl()}/accept-invitation#`));
      // A second board member, added from the province's row.
      const row = operator.getByRole("listitem").filter({ hasText: tenantId });
      await row.getByRole("button", { name: "Thêm thành viên Ban" }).click();
      await row.getByLabel("Họ và tên").fill("Hoàng Thị Phó");
      await row.getByLabel("Email công vụ").fill(`pho.${boardEmail}`);
      await row.getByRole("button", { name: "Gửi lời mời" }).click();
      await operator.getByText(`Đã gửi lời mời tới Hoàng Thị Phó (pho.${boardEmail}).`).waitFor();
      // The operator's outbox holds the same message.
      await operator.getByRole("link", { name: "Hộp thư đi" }).click();
      await operator
        .getByRole("table", { name: "Thư trong hộp thư đi" })
        .getByText(boardEmail, { exact: true })
        .waitFor();
      await operator.context().close();

      // The board member sets a password from the link: a password too common is refused, in Vietnamese.
      const board = await freshPage();
      await board.goto(boardLink);
      await board.getByText("Chào Lò Văn Thi").waitFor();
      await board.getByLabel("Mật khẩu mới", { exact: true }).fill("password123");
      await board.getByLabel("Nhập lại mật khẩu mới").fill("password123");
      await board.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
      await board.getByText("Mật khẩu này quá phổ biến").waitFor();
      await acceptInvitation(board, boardLink, "Chào Lò Văn Thi", "Lai Chau thi dua 2026");
      await board.waitForURL("**/overview");

      // The link works once: opened again, it says so and where to turn.
      const again = await freshPage();
      await again.goto(boardLink);
      await again.getByText("Liên kết này đã được dùng rồi.").waitFor();
      await again.getByText("Để nhận lời mời mới").waitFor();
      await again.context().close();

      // The board adds a unit, then invites its officer, bound to it.
      await board.getByRole("link", { name: "Đơn vị" }).click();
      await board.getByLabel("Tên đơn vị").fill("Sở Nội vụ Bình Phước");
      await board.getByRole("button", { name: "Thêm đơn vị" }).click();
      await board.getByText("Đã thêm Sở Nội vụ Bình Phước.").waitFor();
      await board.getByRole("link", { name: "Người dùng" }).click();
      await board.getByRole("heading", { name: "Người dùng của tỉnh", level: 1 }).waitFor();
      await board.locator("#account-new-email").fill(officerEmail);
      await board.locator("#account-new-name").fill("Đèo Thị Hoa");
      await board.locator("#account-new-role").selectOption("unit");
      await board.locator("#account-new-unitId").selectOption({ label: "Sở Nội vụ Bình Phước" });
      await board.getByRole("button", { name: "Gửi lời mời" }).click();
      const officerLink = await invitationLink(board);
      const table = board.getByRole("table", { name: "Người dùng của tỉnh" });
      await table.getByText("Đèo Thị Hoa").waitFor();
      // Search ignores diacritics.
      await board.getByLabel("Tìm theo tên hoặc email").fill("deo thi hoa");
      await expect.poll(() => table.locator("tbody tr").count()).toBe(1);
      await table.getByText(officerEmail).waitFor();

      // The officer joins and sees only Bình Phước, in their own unit.
      const officer = await freshPage();
      await acceptInvitation(officer, officerLink, "Chào Đèo Thị Hoa", "Hoa can bo thi dua 2026");
      await officer.waitForURL("**/overview");
      await officer.getByRole("link", { name: "Tài khoản của tôi" }).click();
      const details = officer.locator("dl.details");
      await details.getByText("Bình Phước", { exact: true }).waitFor();
      expect(await details.textContent()).toContain("Sở Nội vụ Bình Phước");
      const nav = await officer.getByRole("navigation", { name: "Điều hướng chính" }).textContent();
      expect(nav).not.toContain("Người dùng");
      expect(nav).not.toContain("Tỉnh/thành");
      // Another province's data is out of reach, even by typing its address.
      await officer.goto(`${baseUrl()}/people`);
      await officer.waitForURL("**/overview");
      const otherProvince = await officer.evaluate(async () => {
        const token = localStorage.getItem("thidua.token");
        const res = await fetch("/api/tenants/an-giang", { headers: { authorization: `Bearer ${token}` } });
        return res.status;
      });
      expect(otherProvince).toBe(403);

      // The board sees the officer has joined, then deactivates the account: signing in is refused.
      await board.reload();
      await table.getByText("Đã đăng nhập").first().waitFor();
      board.once("dialog", (dialog) => void dialog.accept());
      await board.getByRole("button", { name: "Tạm ngưng Đèo Thị Hoa" }).click();
      await board.getByText("Đã tạm ngưng tài khoản của Đèo Thị Hoa").waitFor();
      const later = await freshPage();
      await signInAt(later, baseUrl(), officerEmail, "Hoa can bo thi dua 2026");
      await later.getByText("Tài khoản này đang bị tạm ngưng").waitFor();
      await Promise.all([board, officer, later].map((page) => page.context().close()));
    },
    TIMEOUT * 2,
  );

  it(
    "a forgotten password: the reset link from the outbox sets a new one; my account changes it again",
    async () => {
      const page = await freshPage();
      await page.goto(`${baseUrl()}/sign-in`);
      // The address typed on the sign-in page is carried over.
      await page.getByLabel("Email").fill("vanphong@ninh-thuan.thidua.local");
      await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
      await page.getByRole("heading", { name: "Quên mật khẩu", level: 1 }).waitFor();
      expect(await page.getByLabel("Email").inputValue()).toBe("vanphong@ninh-thuan.thidua.local");
      await page.getByRole("button", { name: "Gửi liên kết" }).click();
      await page.getByText("liên kết đặt lại mật khẩu đã được gửi").waitFor();

      // The operator reads the outbox; its newest reset message is this one.
      const operator = await freshPage();
      await signInAt(operator, baseUrl(), "ops@thidua.local", "thidua2025");
      await operator.waitForURL("**/tenants");
      await operator.getByRole("link", { name: "Hộp thư đi" }).click();
      const row = operator
        .getByRole("row")
        .filter({ hasText: "vanphong@ninh-thuan.thidua.local" })
        .filter({ hasText: "Đặt lại mật khẩu" })
        .first();
      const link = await row.getByRole("link").getAttribute("href");
      await operator.context().close();
      if (!link) throw new Error("no reset link in the outbox");

      await page.goto(link);
      await page.getByRole("heading", { name: "Đặt lại mật khẩu", level: 1 }).waitFor();
      await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Ninh Thuan nang gio 2026");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("Ninh Thuan nang gio 2026");
      await page.getByRole("button", { name: "Đặt mật khẩu mới và đăng nhập" }).click();
      await page.waitForURL("**/overview");

      await page.getByRole("link", { name: "Tài khoản của tôi" }).click();
      await page.getByLabel("Mật khẩu hiện tại").fill("sai mat khau roi");
      await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Ninh Thuan mua xuan 2027");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("Ninh Thuan mua xuan 2027");
      await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
      await page.getByText("Mật khẩu hiện tại không đúng.").waitFor();
      await page.getByLabel("Mật khẩu hiện tại").fill("Ninh Thuan nang gio 2026");
      await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Ninh Thuan mua xuan 2027");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("Ninh Thuan mua xuan 2027");
      await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
      await page.getByText("Đã đổi mật khẩu.").waitFor();
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "a session outlives its short token: the dashboard renews it; once the account is deactivated, it cannot",
    async () => {
      const { idp } = harness().runtime;
      const page = await freshPage();
      await signInAt(page, baseUrl(), "bantuyengiao@ninh-thuan.thidua.local", "thidua2025");
      await page.waitForURL("**/overview");
      const me = (await page.evaluate(async () => {
        const res = await fetch("/api/me", {
          headers: { authorization: `Bearer ${localStorage.getItem("thidua.token")}` },
        });
        return res.json();
      })) as Actor;
      // The token as it is some minutes after its 15 (past the API's minute of clock tolerance). The
      // refresh token beside it is still good.
      const expired = await idp.issue(me, { expiresIn: -120 });
      const putToken = (token: string) => page.evaluate((t) => localStorage.setItem("thidua.token", t), token);
      await putToken(expired);
      await page.reload();
      await page.getByRole("heading", { name: `Năm thi đua ${new Date().getFullYear()}`, level: 1 }).waitFor();
      const renewed = await page.evaluate(() => localStorage.getItem("thidua.token"));
      expect(renewed).not.toBe(expired);
      expect(page.url()).toMatch(/\/overview$/);

      // Signing out ends the session at the provider: a copy of its refresh token renews nothing.
      const copied = await page.evaluate(() => localStorage.getItem("thidua.refresh"));
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL("**/sign-in");
      const renewAfter = () =>
        page.evaluate(async (refreshToken) => {
          const res = await fetch("/api/auth/local/refresh", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ refreshToken }),
          });
          return res.status;
        }, copied);
      await expect.poll(renewAfter).toBe(401);
      await signInAt(page, baseUrl(), "bantuyengiao@ninh-thuan.thidua.local", "thidua2025");
      await page.waitForURL("**/overview");

      // The board deactivates the account; its next renewal is refused and the session ends.
      const board = await freshPage();
      await signInAt(board, baseUrl(), "bantdkt@ninh-thuan.thidua.local", "thidua2025");
      await board.waitForURL("**/overview");
      await board.getByRole("link", { name: "Người dùng" }).click();
      board.once("dialog", (dialog) => void dialog.accept());
      await board.getByRole("button", { name: `Tạm ngưng ${me.name}` }).click();
      await board.getByText(`Đã tạm ngưng tài khoản của ${me.name}`).waitFor();
      await putToken(expired);
      await page.reload();
      await page.waitForURL("**/sign-in");
      await page.getByText("Phiên đăng nhập đã hết hạn").waitFor();
      expect(await page.evaluate(() => localStorage.getItem("thidua.refresh"))).toBeNull();
      await Promise.all([page, board].map((p) => p.context().close()));
    },
    TIMEOUT,
  );

  it(
    "a province suspended under a signed-in officer: a page that says so, with a way to sign out",
    async () => {
      const officer = await freshPage();
      await signInAt(officer, baseUrl(), "vanphong@quang-tri.thidua.local", "thidua2025");
      await officer.waitForURL("**/overview");
      const operator = await freshPage();
      await signInAt(operator, baseUrl(), "ops@thidua.local", "thidua2025");
      await operator.waitForURL("**/tenants");
      const setStatus = (status: string) =>
        operator.evaluate(async (next) => {
          const headers = { authorization: `Bearer ${localStorage.getItem("thidua.token")}` };
          const { version } = await (await fetch("/api/tenants/quang-tri", { headers })).json();
          const res = await fetch("/api/tenants/quang-tri", {
            method: "PATCH",
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify({ status: next, version }),
          });
          return res.status;
        }, status);
      expect(await setStatus("suspended")).toBe(200);
      try {
        await officer.reload();
        await officer.getByRole("heading", { name: "Không vào được", level: 1 }).waitFor();
        await officer.getByText("đang bị tạm dừng").waitFor();
        await officer.getByRole("button", { name: "Đăng xuất" }).click();
        await officer.waitForURL("**/sign-in");
      } finally {
        expect(await setStatus("active")).toBe(200);
        await Promise.all([officer, operator].map((p) => p.context().close()));
      }
    },
    TIMEOUT,
  );
});
