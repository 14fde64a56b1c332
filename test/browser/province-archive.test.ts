/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTar } from "@thidua/core/archive/tar";
import { afterAll, describe, expect, it } from "vitest";
import { harnessForFile, signIn, TIMEOUT } from "./harness.ts";

const harness = harnessForFile();
const folder = mkdtempSync(join(tmpdir(), "thidua-archive-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function entriesOf(bytes: Uint8Array): Promise<string[]> {
  async function* once() {
    yield bytes;
  }
  const names: string[] = [];
  for await (const entry of readTar(once())) names.push(entry.name);
  return names;
}

describe("a province's lifecycle in the operator's dashboard", () => {
  it(
    "Ninh Thuận archived, exported, erased, then imported back from its archive: its board finds its units again and exports its own copy",
    async () => {
      const { baseUrl } = harness();
      const page = await harness().freshPage();
      await signIn(page, baseUrl, "ops@thidua.local", "thidua2025");
      await page.waitForURL("**/tenants");
      await page.getByLabel("Hiện cả tỉnh/thành đã lưu trữ").check();
      const row = page.getByRole("listitem").filter({ hasText: "ninh-thuan" });

      // Erasing is offered only once the province is archived.
      await expect(row.getByRole("button", { name: "Xóa dữ liệu" }).count()).resolves.toBe(0);
      await row.getByRole("button", { name: "Tạm dừng" }).click();
      await row.getByRole("button", { name: "Xác nhận tạm dừng" }).click();
      await row.getByRole("button", { name: "Lưu trữ" }).click();
      await row.getByText("Đã lưu trữ", { exact: true }).waitFor();

      // The export runs as a job; its archive downloads as one .tar, checked by its checksum.
      await row.getByRole("button", { name: "Xuất dữ liệu" }).click();
      const link = row.getByRole("link", { name: /^Tải tệp lưu trữ/ });
      await link.waitFor();
      await row.getByText("Mã kiểm tra SHA-256:").waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^thidua-ninh-thuan-\d{4}-\d{2}-\d{2}\.tar$/);
      const archive = new Uint8Array(await readFile(await download.path()));
      const names = await entriesOf(archive);
      expect(names).toContain("items/unit.jsonl");
      expect(names.at(-1)).toBe("manifest.json");
      const file = join(folder, download.suggestedFilename());
      writeFileSync(file, archive);

      // Erasing asks first, saying what goes and what stays.
      await row.getByRole("button", { name: "Xóa dữ liệu" }).click();
      await row.getByText(/Không hoàn tác được/).waitFor();
      await row.getByRole("alertdialog").getByRole("button", { name: "Xóa dữ liệu" }).click();
      await row.getByText("Đã xóa dữ liệu", { exact: true }).waitFor();
      await expect(row.getByRole("button", { name: "Xuất dữ liệu" }).count()).resolves.toBe(0);

      // The archive brings it back whole, after a check of every part.
      const form = page.getByRole("region", { name: "Nhập tỉnh/thành từ tệp lưu trữ" });
      await form.getByRole("button", { name: "Tải lên và nhập" }).click();
      await form.getByText("Chọn tệp lưu trữ.").waitFor();
      await form.getByLabel("Mã của tỉnh/thành trong tệp").fill("ninh-thuan");
      await form.getByLabel("Tệp lưu trữ (.tar)").setInputFiles(file);
      await form.getByRole("button", { name: "Tải lên và nhập" }).click();
      await form.getByText("Nhập dữ liệu: đã xong").waitFor();
      await row.getByText("Đã lưu trữ", { exact: true }).waitFor();
      await row.getByRole("button", { name: "Khôi phục" }).click();
      await row.getByRole("button", { name: "Kích hoạt lại" }).click();
      await row.getByText("Đang hoạt động", { exact: true }).waitFor();
      await page.context().close();

      const board = await harness().freshPage();
      await signIn(board, baseUrl, "bantdkt@ninh-thuan.thidua.local", "thidua2025");
      await board.waitForURL("**/overview");
      await board.goto(`${baseUrl}/units`);
      await board.getByRole("heading", { name: "Đơn vị", level: 1 }).waitFor();
      await board.getByText("Văn phòng Tỉnh ủy").first().waitFor();

      // The board keeps its own copy: an export from the trail's page, recorded in the trail.
      await board.goto(`${baseUrl}/audit`);
      const own = board.getByRole("region", { name: "Xuất toàn bộ dữ liệu của tỉnh" });
      await own.getByRole("button", { name: "Xuất dữ liệu" }).click();
      await own.getByRole("link", { name: /^Tải tệp lưu trữ/ }).waitFor();
    },
    TIMEOUT,
  );
});
