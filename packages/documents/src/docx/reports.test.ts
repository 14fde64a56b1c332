import { describe, expect, it } from "vitest";
import { midYearInput, ranking, totals, yearEndInput } from "../demo/ninh-thuan.ts";
import { formatPoints } from "../letterhead.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import { attributes, docxParts, paragraphs, paragraphWith, runProperties, tableRows } from "../testing/ooxml.ts";
import { midYearReportDocx, yearEndReportDocx } from "./reports.ts";

const read = async (bytes: Promise<Uint8Array>) => {
  const document = docxParts(await bytes)["word/document.xml"] ?? "";
  return { document, texts: paragraphs(document), rows: tableRows(document) };
};
const midYear = await read(midYearReportDocx(midYearInput));
const yearEnd = await read(yearEndReportDocx(yearEndInput));

describe("the bloc's reports", () => {
  it("are A4 pages with the decree's margins, all in Times New Roman, issued by the bloc", () => {
    for (const { document, texts } of [midYear, yearEnd]) {
      expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(attributes(document, "w:pgMar")).toMatchObject({ "w:top": "1134", "w:left": "1701", "w:right": "850" });
      for (const run of runProperties(document)) expect(run).toContain('w:ascii="Times New Roman"');
      expect(texts.slice(0, 2)).toEqual(["UBND TỈNH NINH THUẬN", "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH"]);
      expect(texts).toContain(NATIONAL_TITLE);
      expect(texts).toContain(MOTTO);
      expect(texts.some((t) => /^Số: {4,}\/BC-KTĐ$/.test(t))).toBe(true);
      expect(texts).toContain("BÁO CÁO");
    }
  });

  it("the mid-year report carries the published summary, with each unit's name leading its points", () => {
    const { document, texts } = midYear;
    expect(paragraphWith(document, "Ninh Thuận, ngày 10 tháng 7 năm 2023")).toContain("<w:i/>");
    expect(texts).toContain("Sơ kết công tác thi đua sáu tháng đầu năm 2023");
    expect(
      texts.some((t) => t.includes("gồm 08 đơn vị thành viên") && t.includes("Văn phòng Tỉnh ủy làm Khối trưởng")),
    ).toBe(true);
    expect(paragraphWith(document, "Ban Tuyên giáo Tỉnh ủy")).toContain("<w:b/>");
    expect(paragraphWith(document, "- Tổ chức học tập, quán triệt nghị quyết cho 100% chi bộ")).not.toContain("<w:b/>");
    expect(texts.some((t) => t.includes("trước ngày 15/11/2023") && t.includes("trước ngày 25/11/2023"))).toBe(true);
  });

  it("the year-end report is marked a draft and ranks the members with their verified totals", () => {
    const { texts, rows } = yearEnd;
    expect(texts.indexOf("DỰ THẢO")).toBeLessThan(texts.indexOf("BÁO CÁO"));
    expect(texts).toContain("Tổng kết công tác thi đua năm 2023");
    const ranked = rows.filter((r) => r.length === 4 && /^\d+$/.test(r[0] ?? "") && /,\d\d$/.test(r[2] ?? ""));
    expect(ranked).toEqual(
      ranking.map((r, i) => [String(i + 1), r.name, formatPoints(totals[r.unitId] ?? 0), String(r.rank)]),
    );
  });

  it("the year-end report lists the proposals with their votes and next year's seats", () => {
    const { texts, rows } = yearEnd;
    const proposals = rows.filter((r) => r.length === 4 && r[3]?.endsWith("%)"));
    expect(proposals.map((r) => [r[1], r[3]])).toEqual([
      ["Báo Ninh Thuận", "7/8 phiếu (87,5%)"],
      ["Ủy ban Kiểm tra Tỉnh ủy", "6/8 phiếu (75%)"],
    ]);
    expect(
      texts.some((t) =>
        t.includes("Ban Tuyên giáo Tỉnh ủy làm Khối trưởng năm 2024, Ban Tổ chức Tỉnh ủy làm Khối phó"),
      ),
    ).toBe(true);
  });

  it("the year-end report says so when the bloc proposed nothing", async () => {
    const { texts } = await read(yearEndReportDocx({ ...yearEndInput, proposals: [] }));
    expect(texts).toContain("Khối chưa có đề nghị khen thưởng.");
  });
});
