/// <reference lib="dom" />
import { samplePdf } from "@thidua/core/files/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { blocOfThree, PASSWORD } from "./bloc-year.fixture.ts";
import {
  cell,
  currentStep,
  moveTo,
  nextStep as next,
  overview,
  rankingRows,
  score,
  status,
  submitSheet,
  tab,
  upload as uploadFile,
  verifyAsScored,
} from "./bloc-year.steps.ts";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

// One bloc's year from launch to a verified ranking, by its leader, its members and the board, at 1366×768.
const year = new Date().getFullYear();
const baseUrl = () => harness().baseUrl;

const harness = harnessForFile();

/** Signed in at 1366×768; a province's people land on the year's overview. */
async function signedIn(email: string, password: string): Promise<Page> {
  const page = await harness().freshPage({ width: 1366, height: 768 });
  await signIn(page, harness().baseUrl, email, password);
  await page.waitForURL("**/overview");
  return page;
}

const nextStep = (page: Page, title: string, button: string) => next(page, baseUrl(), title, button);

/** A small real PDF, named as officials name their files. */
const pdf = { name: "Báo cáo tổng kết năm.pdf", mimeType: "application/pdf", buffer: Buffer.from(samplePdf()) };
const upload = (page: Page, line: string) => uploadFile(page, line, pdf);

describe("the year of a bloc", () => {
  it(
    "goes from the leader's launch to a verified ranking with three units",
    async () => {
      const bloc = await blocOfThree(year);
      const [tuPhap, noiVu, taiChinh] = bloc.names;
      const [leader, second, third] = await Promise.all(bloc.emails.map((email) => signedIn(email, PASSWORD)));
      if (!leader || !second || !third) throw new Error("three officers");

      // The leader's officer launches the year from the overview, with a theme and a note.
      await leader.getByText(`Khối chưa phát động năm ${year}.`).waitFor();
      await leader.getByRole("link", { name: `Phát động năm ${year}` }).click();
      await leader
        .getByLabel("Chủ đề thi đua (không bắt buộc)")
        .fill("Đoàn kết, kỷ cương, hoàn thành xuất sắc nhiệm vụ");
      await leader.getByLabel("Lời phát động gửi các đơn vị (không bắt buộc)").fill("Các đơn vị đăng ký trước 15/3.");
      await leader.getByRole("button", { name: `Phát động năm ${year}` }).click();
      await currentStep(leader).filter({ hasText: "Đăng ký thi đua" }).waitFor();
      await leader.getByText("Các đơn vị đăng ký trước 15/3.").waitFor();
      // A deadline already past: members not registered show as late.
      await tab(leader, "Tiến độ các đơn vị");
      await leader.getByLabel("Hạn đăng ký và ký giao ước").fill(`15/03/${year}`);
      await leader.getByRole("button", { name: "Lưu hạn" }).click();
      await status(leader, "Đã lưu hạn các bước.").waitFor();
      await overview(third, baseUrl());
      await third.getByRole("heading", { name: /Việc cần làm: Đăng ký thi đua\s+Chậm/ }).waitFor();

      // Each unit registers targets (reordered from the keyboard) and an award it aims for, then signs.
      for (const page of [leader, second, third]) {
        await nextStep(page, "Đăng ký thi đua", "Đăng ký thi đua");
        // The step's button puts the keyboard on the registration form, once the year has loaded.
        await page.locator("#registration").waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("registration");
        await page.getByLabel("Chỉ tiêu 1", { exact: true }).fill("Không có cán bộ vi phạm kỷ luật");
        await page.getByRole("button", { name: "Thêm chỉ tiêu" }).click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("reg-targets-1");
        await page.keyboard.type("Hoàn thành 100% nhiệm vụ được giao");
        await page.getByRole("button", { name: "Chuyển Chỉ tiêu 2 lên" }).press("Enter");
        expect(await page.getByLabel("Chỉ tiêu 1", { exact: true }).inputValue()).toBe(
          "Hoàn thành 100% nhiệm vụ được giao",
        );
        await page.getByRole("checkbox", { name: /^Tập thể lao động xuất sắc/ }).check();
        await page.getByRole("button", { name: "Gửi đăng ký thi đua" }).click();
        await status(page, "Đã lưu đăng ký thi đua.").waitFor();
        await page.getByRole("button", { name: "Ký giao ước thi đua" }).click();
        await page.getByText(/^Đã ký giao ước: Cán bộ/).waitFor();
      }
      // All have registered and signed: the covenant, drawn by the API, downloads from the progress tab.
      await leader.reload();
      await tab(leader, "Tiến độ các đơn vị");
      const [covenant] = await Promise.all([
        leader.waitForEvent("download"),
        leader.getByRole("button", { name: "Tải bản giao ước (Word)" }).click(),
      ]);
      expect(covenant.suggestedFilename()).toBe(`Ban-giao-uoc-thi-dua-${year}.docx`);

      // The leader moves the year to the mid-year review; each unit reports.
      await moveTo(leader, "Triển khai thực hiện");
      await moveTo(leader, "Sơ kết 6 tháng");
      for (const [i, page] of [leader, second, third].entries()) {
        await nextStep(page, "Gửi báo cáo sơ kết 6 tháng", "Viết báo cáo 6 tháng");
        await page.getByLabel("Nội dung 1", { exact: true }).fill(`Hoàn thành ${80 + i * 5}% kế hoạch 6 tháng`);
        await page.getByRole("button", { name: "Gửi báo cáo 6 tháng" }).click();
        await status(page, "Đã gửi báo cáo 6 tháng.").waitFor();
      }
      // The summary, drafted from the reports, is published; then scoring opens.
      await leader.reload();
      await tab(leader, "Sơ kết 6 tháng");
      await leader.getByRole("button", { name: "Lấy bản nháp từ báo cáo các đơn vị" }).click();
      await expect
        .poll(() => leader.getByLabel("Nội dung báo cáo sơ kết").inputValue())
        .toContain(`${taiChinh}\n- Hoàn thành 90%`);
      await leader.getByRole("button", { name: "Lưu và công bố" }).click();
      await status(leader, "Đã công bố báo cáo sơ kết cho các đơn vị.").waitFor();
      await moveTo(leader, "Tự chấm điểm");

      // Each unit scores with a real PDF as evidence; a sheet without it is refused, next to the line.
      await nextStep(third, "Tự chấm điểm", "Mở bảng tự chấm");
      await score(third, { "1.1": ["58", "Hoàn thành 97% chỉ tiêu"], "1.2": ["39", "Một thủ tục trễ hạn"] });
      await third.getByText("Đã chấm 2/2 tiêu chí").waitFor();
      await submitSheet(third);
      await third.getByRole("alert").filter({ hasText: "thiếu minh chứng" }).waitFor();
      await third.locator("#line-1\\.1").getByText("Tiêu chí này cần minh chứng").waitFor();
      await upload(third, "1.1");
      await submitSheet(third);
      await third.getByText(/^Đã nộp bảng tự chấm: Cán bộ Sở Tài chính/).waitFor();

      await nextStep(second, "Tự chấm điểm", "Mở bảng tự chấm");
      await upload(second, "1.1");
      await score(second, {
        "1.1": ["55,5", "Hoàn thành 95% chỉ tiêu"],
        "1.2": ["38", ""],
        b1: ["2", "Sáng kiến cấp tỉnh"],
      });
      await submitSheet(second);
      await second.getByText(/^Đã nộp bảng tự chấm/).waitFor();

      await nextStep(leader, "Tự chấm điểm", "Mở bảng tự chấm");
      await score(leader, { "1.1": ["50", "Hoàn thành 85% chỉ tiêu"], "1.2": ["35", ""] });
      await upload(leader, "1.1");
      await submitSheet(leader);
      await leader.getByText(/^Đã nộp bảng tự chấm/).waitFor();

      // Verification: the leader's own sheet goes to another member; the leader verifies the others and locks them.
      await moveTo(leader, "Thẩm định, chấm chéo");
      await tab(leader, "Chấm điểm, thẩm định");
      await leader.getByLabel(`Đơn vị thẩm định bảng điểm của ${tuPhap}`).selectOption({ label: noiVu });
      await leader.getByRole("button", { name: `Phân công ${tuPhap}` }).click();
      await status(leader, "Đã phân công.").waitFor();
      await cell(leader, taiChinh, "1.1").click();
      const dialog = leader.getByRole("dialog", { name: `Thẩm định ${taiChinh} — tiêu chí 1.1` });
      await dialog.getByRole("button", { name: `Tải về ${pdf.name}` }).waitFor();
      await dialog.getByLabel("Điểm thẩm định").fill("52");
      await dialog.getByRole("button", { name: "Lưu điểm thẩm định" }).click();
      await dialog.getByText("ghi lý do").waitFor(); // a different score needs a reason
      await dialog.getByLabel(/^Lý do điều chỉnh/).fill("Thiếu minh chứng quý IV");
      await dialog.getByRole("button", { name: "Lưu điểm thẩm định" }).click();
      await dialog.waitFor({ state: "detached" });
      await verifyAsScored(leader, taiChinh);
      await verifyAsScored(leader, noiVu);
      // The grid scrolls sideways inside its frame; the page itself never does.
      expect(await leader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // The cross-scorer verifies the leader's sheet from its overview.
      await nextStep(second, "Chấm chéo", "Mở bảng điểm cần thẩm định");
      await cell(second, tuPhap, "1.1").click();
      await second.getByRole("button", { name: "Lưu điểm thẩm định" }).click();
      await verifyAsScored(second, tuPhap);

      // Ranked: verified totals in order, drawn as bars.
      await moveTo(leader, "Xếp hạng");
      await tab(leader, "Xếp hạng");
      expect(await rankingRows(leader)).toEqual([
        ["1", noiVu, "95,5"],
        ["2", taiChinh, "91"],
        ["3", tuPhap, "85"],
      ]);
      await expect.poll(() => leader.locator(".ranking-chart .recharts-bar-rectangle").count()).toBe(3);
      // The score table as an Excel file, drawn by the API and downloaded under a readable name.
      const [scores] = await Promise.all([
        leader.waitForEvent("download"),
        leader.getByRole("button", { name: "Tải bảng điểm (Excel)" }).click(),
      ]);
      expect(scores.suggestedFilename()).toBe(`Bang-tong-hop-diem-${year}.xlsx`);

      // The unit is sent to the conference's vote next; it sees the ranking, and the verifier's points and
      // reason beside its own.
      await nextStep(third, "Hội nghị tổng kết, bình xét", "Đến phần bỏ phiếu");
      await third.getByText("Khối trưởng chưa mở nội dung bỏ phiếu nào.").waitFor();
      await tab(third, "Xếp hạng");
      expect((await rankingRows(third)).map((row) => row[1])).toEqual([noiVu, taiChinh, tuPhap]);
      await tab(third, "Việc của đơn vị");
      const mine = third.getByRole("table", { name: "Điểm tự chấm và điểm thẩm định từng tiêu chí" });
      await mine.getByRole("cell", { name: "Thiếu minh chứng quý IV" }).waitFor();

      // The board reopens verification with a reason and unlocks a sheet with another.
      const board = await signedIn("bantdkt@an-giang.thidua.local", "thidua2025");
      await board.getByRole("link", { name: bloc.blocName }).click();
      await currentStep(board).filter({ hasText: "Xếp hạng" }).waitFor();
      await tab(board, "Tiến độ các đơn vị");
      await board.getByLabel("Bước mở lại").selectOption({ label: "Thẩm định, chấm chéo" });
      await board.getByLabel("Lý do mở lại").fill("Sở Tài chính đề nghị xem lại tiêu chí 1.1");
      await board.getByRole("button", { name: "Mở lại bước" }).click();
      await status(board, "Đã mở lại bước Thẩm định, chấm chéo.").waitFor();
      await tab(board, "Chấm điểm, thẩm định");
      await board.getByRole("button", { name: `Mở khóa ${taiChinh}` }).click();
      const unlock = board.getByRole("dialog", { name: `Mở khóa bảng điểm của ${taiChinh}` });
      await unlock.getByLabel("Lý do").fill("Bổ sung minh chứng quý IV");
      await unlock.getByRole("button", { name: "Mở khóa" }).click();
      await unlock.waitFor({ state: "detached" });
      await board.getByRole("button", { name: `Khóa bảng điểm ${taiChinh}` }).waitFor();
    },
    TIMEOUT * 8,
  );

  it(
    "shows the board every bloc's step at a glance, and a council member the blocs they follow",
    async () => {
      const board = await signedIn("bantdkt@an-giang.thidua.local", "thidua2025");
      const blocs = board.getByRole("table", { name: `Các khối, cụm thi đua năm ${year}` });
      await blocs.getByRole("link", { name: "Khối thi đua các cơ quan Đảng tỉnh" }).waitFor();
      await blocs.getByRole("link", { name: "Khối thi đua các tổ chức Hội đặc thù" }).waitFor();
      // A year not launched is said so; the row links to the year page.
      await board.getByRole("combobox", { name: "Năm" }).selectOption(String(year + 1));
      const next = board.getByRole("table", { name: `Các khối, cụm thi đua năm ${year + 1}` });
      await next
        .getByText(`Khối chưa phát động năm ${year + 1}`)
        .first()
        .waitFor();

      const council = await signedIn("uyvien@an-giang.thidua.local", "thidua2025");
      const followed = council.getByRole("table", { name: `Các khối, cụm thi đua năm ${year}` });
      await followed.getByRole("link", { name: "Khối thi đua các tổ chức Hội đặc thù" }).click();
      await council.waitForURL(`**/years/${year}`);
      await council.getByRole("table", { name: "Tiến độ từng đơn vị theo các bước" }).waitFor();
      // Read-only: nothing to move on.
      expect(await council.getByRole("button", { name: /^Chuyển sang bước/ }).count()).toBe(0);
    },
    TIMEOUT * 2,
  );
});
