import { describe, expect, it } from "vitest";
import { minutesInput } from "../demo/ninh-thuan.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import { minutesHtml } from "./minutes.ts";

const html = minutesHtml(minutesInput);
/** The page's text, tags dropped and entities read back. */
const text = html
  .replace(/<style>.*<\/style>/s, "")
  .replace(/<[^>]+>/g, "\n")
  .replaceAll("&nbsp;", " ")
  .replaceAll("&lt;", "<")
  .replaceAll("&gt;", ">")
  .replaceAll("&quot;", '"')
  .replaceAll("&amp;", "&");
const lines = text.split("\n").filter((l) => l.trim() !== "");

describe("the minutes' HTML preview", () => {
  it("is one page in Vietnamese, on A4 with the decree's margins and font", () => {
    expect(html.startsWith('<!doctype html><html lang="vi">')).toBe(true);
    expect(html).toContain("width: 210mm");
    expect(html).toContain("padding: 20mm 15mm 20mm 30mm");
    expect(html).toContain('font-family: "Times New Roman"');
  });

  it("shows the same header, title and closing as the Word file", () => {
    for (const line of [
      "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH",
      NATIONAL_TITLE,
      MOTTO,
      "Ninh Thuận, ngày 01 tháng 12 năm 2023",
      "BIÊN BẢN",
      "Kiểm phiếu bình xét thi đua năm 2023",
      "NGƯỜI KIỂM PHIẾU",
      "KHỐI TRƯỞNG",
      "- Lưu: VT.",
    ])
      expect(lines).toContain(line);
  });

  it("shows every candidate's votes", () => {
    for (const r of minutesInput.rounds)
      for (const v of r.votes) {
        const name = minutesInput.units[v.unitId] ?? "";
        const at = lines.findIndex((l, i) => l === name && lines[i + 1] === String(v.votes));
        expect(at, `${name} ${v.votes}`).toBeGreaterThan(-1);
      }
  });

  it("escapes what users typed", () => {
    const page = minutesHtml({ ...minutesInput, bloc: 'Khối <script>alert("x")</script>' });
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;");
  });
});
