/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

const year = new Date().getFullYear();

const harness = harnessForFile();

async function boardPage(): Promise<Page> {
  const page = await harness().freshPage();
  await signIn(page, harness().baseUrl, "bantdkt@an-giang.thidua.local", "thidua2025");
  await page.waitForURL("**/overview"); // the board lands on the year's overview
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Khối, cụm thi đua" })
    .click();
  await page.waitForURL("**/blocs");
  return page;
}

/** A polite confirmation (role="status") with this text. */
const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

async function addUnit(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Đơn vị" }).click();
  await page.getByRole("heading", { name: "Đơn vị", level: 1 }).waitFor();
  await page.getByLabel("Tên đơn vị").fill(name);
  await page.getByLabel("Loại hình", { exact: true }).selectOption({ label: "Cơ quan nhà nước" });
  await page.getByLabel("Tên đơn vị").press("Enter"); // Enter submits the form
  await status(page, `Đã thêm ${name}.`).waitFor();
}

async function addBloc(page: Page, name: string) {
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Khối, cụm thi đua" })
    .click();
  await page.getByLabel("Tên khối, cụm").fill(name);
  await page.getByRole("button", { name: "Tạo khối, cụm" }).click();
  // Creating a bloc opens it, on its members tab for this year.
  await page.getByRole("heading", { name, level: 1 }).waitFor();
  await page.getByRole("tab", { name: "Thành viên & chức danh", selected: true }).waitFor();
}

/** Ticks units in the members checklist, finding each by a search without diacritics. */
async function pickMembers(page: Page, searches: Record<string, string>) {
  for (const [search, name] of Object.entries(searches)) {
    await page.getByLabel("Tìm đơn vị").fill(search);
    await page.getByRole("checkbox", { name: new RegExp(`^${name}`) }).check();
  }
  await page.getByLabel("Tìm đơn vị").fill("");
  await page.getByRole("button", { name: "Lưu thành viên" }).click();
}

describe("the board sets up a bloc", () => {
  it(
    "adds units, a bloc, its members and leader, then a criteria table that adds up to the scale",
    async () => {
      const page = await boardPage();
      await addUnit(page, "Sở Nội vụ");
      await addUnit(page, "Sở Tư pháp");
      // The search ignores diacritics.
      await page.getByLabel("Tìm đơn vị").fill("so tu phap");
      expect(await page.getByRole("table").locator("tbody th").allTextContents()).toEqual(["Sở Tư pháp"]);

      await addBloc(page, "Khối các sở, ngành nội chính");
      expect(await page.getByLabel("Năm", { exact: true }).inputValue()).toBe(String(year));
      await pickMembers(page, { "so noi vu": "Sở Nội vụ", "so tu phap": "Sở Tư pháp" });
      await status(page, `Đã lưu 2 thành viên năm ${year}.`).waitFor();

      // The leader can only be one of the saved members.
      const leader = page.getByLabel("Khối trưởng", { exact: true });
      expect(await leader.locator("option").allTextContents()).toEqual(["— Chưa chọn —", "Sở Nội vụ", "Sở Tư pháp"]);
      await leader.selectOption({ label: "Sở Tư pháp" });
      await page.getByRole("button", { name: "Lưu chức danh" }).click();
      await status(page, `Đã lưu khối trưởng, khối phó năm ${year}.`).waitFor();
      await page.screenshot({ path: "/tmp/thidua-bloc.png", fullPage: true });

      // Criteria: one group of two criteria, the second weighted, and a bonus item.
      await page.getByRole("tab", { name: "Tiêu chí" }).click();
      await page.getByText("Chưa có bảng tiêu chí", { exact: true }).waitFor();
      const total = page.getByTestId("criteria-total");
      await page.getByRole("button", { name: "Thêm nhóm tiêu chí" }).click();
      await page.getByLabel("Tên nhóm tiêu chí nhóm 1").fill("Thực hiện nhiệm vụ chuyên môn");
      await page.getByRole("button", { name: "Thêm tiêu chí vào nhóm 1" }).click();
      // The new criterion's first field has the keyboard.
      await page.keyboard.type("Hoàn thành chỉ tiêu, nhiệm vụ được giao");
      await page.getByLabel("Điểm tối đa tiêu chí 1.1").fill("60");
      expect(await total.textContent()).toContain("Tổng: 60/100");
      expect(await total.getAttribute("class")).toContain("total-bad");

      await page.getByRole("button", { name: "Thêm tiêu chí vào nhóm 1" }).click();
      await page.getByLabel("Nội dung tiêu chí 1.2").fill("Cải cách hành chính, chuyển đổi số");
      await page.getByLabel("Điểm tối đa tiêu chí 1.2").fill("20");
      await page.getByLabel("Hệ số tiêu chí 1.2").fill("2"); // 20 × 2
      await page.getByLabel("Cần minh chứng tiêu chí 1.2").uncheck();
      expect(await total.textContent()).toContain("Tổng: 100/100");
      expect(await total.getAttribute("class")).toContain("total-ok");

      // Reordering keeps the keyboard on the moved criterion.
      await page.getByRole("button", { name: "Chuyển tiêu chí 1.2 lên" }).click();
      expect(await page.getByLabel("Nội dung tiêu chí 1.1").inputValue()).toBe("Cải cách hành chính, chuyển đổi số");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        "Chuyển tiêu chí 1.1 xuống",
      );

      await page.getByRole("button", { name: "Thêm mục điểm thưởng" }).click();
      await page.getByLabel("Nội dung mục điểm thưởng 1").fill("Có sáng kiến được cấp có thẩm quyền công nhận");
      await page.getByLabel("Điểm tối đa mục điểm thưởng 1").fill("5");
      await page.getByRole("button", { name: "Lưu phiên bản mới" }).click();
      await status(page, "Đã lưu bảng tiêu chí, phiên bản 1.").waitFor();
      expect(await page.getByText("Phiên bản hiện hành: 1").isVisible()).toBe(true);
      expect(await page.getByText("Có thay đổi chưa lưu").count()).toBe(0);
      await page.screenshot({ path: "/tmp/thidua-criteria.png", fullPage: true });

      // With members and criteria, the year can be launched.
      await page.getByRole("tab", { name: "Thành viên & chức danh" }).click();
      await page.getByLabel("Chủ đề thi đua (không bắt buộc)").fill("Đoàn kết, kỷ cương, hoàn thành xuất sắc nhiệm vụ");
      await page.getByRole("button", { name: `Phát động năm ${year}` }).click();
      await page.getByText("Đã phát động").waitFor();
      expect(await page.getByText("Chủ đề: Đoàn kết, kỷ cương, hoàn thành xuất sắc nhiệm vụ").isVisible()).toBe(true);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "shows, next to the unit, that it already belongs to another bloc this year",
    async () => {
      const page = await boardPage();
      await addUnit(page, "Sở Tài chính");
      await addBloc(page, "Khối kinh tế tổng hợp");
      await pickMembers(page, { "so tai chinh": "Sở Tài chính" });
      await status(page, `Đã lưu 1 thành viên năm ${year}.`).waitFor();

      await addBloc(page, "Khối kinh tế ngành");
      await pickMembers(page, { "so tai chinh": "Sở Tài chính" });
      await page.getByRole("alert").filter({ hasText: "Sở Tài chính" }).waitFor();
      const unit = page.getByRole("checkbox", { name: /^Sở Tài chính/ });
      expect(await unit.getAttribute("aria-invalid")).toBe("true");
      const reason = await unit.evaluate((input) => {
        const id = input.getAttribute("aria-describedby");
        return id ? document.getElementById(id)?.textContent : null;
      });
      expect(reason).toBe("Đơn vị đã thuộc khối, cụm khác trong năm này.");
      await page.context().close();
    },
    TIMEOUT,
  );
});

describe("the board sets the province's letterhead", () => {
  it(
    "finds the demo's letterhead, is told which field breaks the decree's rule, saves and sees it in the preview",
    async () => {
      const page = await boardPage();
      // Reached from the rules page: the board's menu is full.
      await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Quy chế" }).click();
      await page.getByRole("link", { name: /^Tiêu đề văn bản/ }).click();
      await page.getByRole("heading", { name: "Tiêu đề văn bản", level: 1 }).waitFor();
      const preview = page.getByRole("figure", { name: "Xem trước phần đầu và chữ ký của văn bản" });
      await preview.getByText("UBND TỈNH AN GIANG").waitFor();

      // A signing authority without TM./KT./…: refused on the field itself, which takes the keyboard.
      const authority = page.getByLabel("Thẩm quyền ký (không bắt buộc)");
      await authority.fill("THAY MẶT HỘI ĐỒNG");
      await page.getByLabel("Họ và tên người ký (không bắt buộc)").fill("Nguyễn Văn Bình");
      await page.getByRole("button", { name: "Lưu tiêu đề văn bản" }).click();
      await page.getByText("Thẩm quyền ký bắt đầu bằng TM., KT., Q., TL. hoặc TUQ.", { exact: false }).waitFor();
      expect(await authority.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await authority.getAttribute("aria-invalid")).toBe("true");

      await authority.fill("KT. CHỦ TỊCH");
      await page.getByRole("button", { name: "Lưu tiêu đề văn bản" }).click();
      await status(page, "Đã lưu tiêu đề văn bản.").waitFor();
      await preview.getByText("Nguyễn Văn Bình").waitFor();
      await preview.getByText("KT. CHỦ TỊCH").waitFor();

      // Saved for everyone: a fresh load shows it.
      await page.reload();
      expect(await page.getByLabel("Họ và tên người ký (không bắt buộc)").inputValue()).toBe("Nguyễn Văn Bình");
      await page.context().close();
    },
    TIMEOUT,
  );
});
