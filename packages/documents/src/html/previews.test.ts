import { describe, expect, it } from "vitest";
import {
  decisionInput,
  minutesInput,
  proposalInput,
  registrationInput,
  scoreInput,
  totals,
  yearEndInput,
} from "../demo/ninh-thuan.ts";
import { formatPoints } from "../letterhead.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import {
  decisionHtml,
  minutesHtml,
  proposalListHtml,
  registrationHtml,
  scoresHtml,
  yearEndReportHtml,
} from "./previews.ts";

/** A page's lines of text, tags dropped and entities read back. */
const linesOf = (page: string) =>
  page
    .replace(/<style>.*<\/style>/s, "")
    .replace(/<[^>]+>/g, "\n")
    .replaceAll("&nbsp;", " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .split("\n")
    .filter((l) => l.trim() !== "");
const html = minutesHtml(minutesInput);
const lines = linesOf(html);

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

describe("the other documents' previews", () => {
  it("mark a draft above its title, and put a decision's annex on a page of its own", () => {
    const draft = linesOf(yearEndReportHtml(yearEndInput));
    expect(draft.indexOf("DỰ THẢO")).toBe(draft.indexOf("BÁO CÁO") - 1);
    const decision = decisionHtml(decisionInput);
    expect(decision).toContain('<section class="annex">');
    expect(linesOf(decision)).toContain("(Kèm theo Quyết định số 2786/QĐ-UBND ngày 28/12/2023)");
  });

  it("draw a sheet from its workbook: merged titles, decimal commas, formulas shown with their results", () => {
    const scores = scoresHtml(scoreInput);
    expect(scores.startsWith('<!doctype html><html lang="vi">')).toBe(true);
    expect(scores).toMatch(/<td colspan="\d+"[^>]*>BẢNG TỔNG HỢP ĐIỂM/);
    const shown = linesOf(scores);
    for (const unitId of ["van-phong-tinh-uy", "bao-ninh-thuan"])
      expect(shown).toContain(formatPoints(totals[unitId] ?? 0));
    const list = linesOf(proposalListHtml(proposalInput));
    expect(list).toContain("87,5%");
    expect(list).toContain("75,0%");
    const registration = linesOf(registrationHtml(registrationInput));
    // The count rows' formulas, shown with their results: 8 members, 16 targets.
    expect(
      registration.slice(registration.indexOf("Số đơn vị đăng ký"), registration.indexOf("Số đơn vị đăng ký") + 4),
    ).toEqual(["Số đơn vị đăng ký", "8", "Tổng số chỉ tiêu", "16"]);
  });

  it("escape what users typed in a sheet too", () => {
    const page = registrationHtml({ ...registrationInput, bloc: "Khối <img src=x onerror=alert(1)>" });
    expect(page).not.toContain("<img");
  });
});
