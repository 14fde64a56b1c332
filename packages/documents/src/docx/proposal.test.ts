import { describe, expect, it } from "vitest";
import { proposalInput, ranking, totals } from "../demo/ninh-thuan.ts";
import { formatPoints } from "../letterhead.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import { attributes, docxParts, paragraphs, paragraphWith, runProperties, tableRows } from "../testing/ooxml.ts";
import { proposalMemoDocx } from "./proposal.ts";

const document = docxParts(await proposalMemoDocx(proposalInput))["word/document.xml"] ?? "";
const texts = paragraphs(document);
const rows = tableRows(document);

describe("the proposal memo", () => {
  it("is an A4 page with the decree's margins, all in Times New Roman", () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(attributes(document, "w:pgMar")).toMatchObject({ "w:top": "1134", "w:left": "1701", "w:right": "850" });
    for (const run of runProperties(document)) expect(run).toContain('w:ascii="Times New Roman"');
  });

  it("is issued by the bloc to the council, with the memo's number, the place-date line and its subject", () => {
    expect(texts.slice(0, 2)).toEqual(["UBND TỈNH NINH THUẬN", "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH"]);
    expect(texts).toContain(NATIONAL_TITLE);
    expect(texts).toContain(MOTTO);
    expect(texts.some((t) => /^Số: {4,}\/TTr-KTĐ$/.test(t))).toBe(true);
    expect(paragraphWith(document, "Ninh Thuận, ngày 02 tháng 12 năm 2023")).toContain("<w:i/>");
    expect(texts).toContain("TỜ TRÌNH");
    expect(texts).toContain("Về việc đề nghị khen thưởng thành tích thi đua năm 2023");
    expect(texts).toContain("Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Ninh Thuận");
    expect(texts.some((t) => t.includes("hội nghị tổng kết ngày 01/12/2023"))).toBe(true);
    expect(texts.some((t) => t.includes("cho 02 tập thể") && t.includes("(02 Bằng khen của Chủ tịch UBND tỉnh)"))).toBe(
      true,
    );
  });

  it("lists each proposal with its vote and its total and rank as the year's data has them", () => {
    const listed = rows.filter((r) => r.length === 5 && /^\d+$/.test(r[0] ?? ""));
    const score = (unitId: string) =>
      `${formatPoints(totals[unitId] ?? 0)} điểm, hạng ${ranking.find((r) => r.unitId === unitId)?.rank}`;
    expect(listed).toEqual([
      ["1", "Báo Ninh Thuận", "Bằng khen của Chủ tịch UBND tỉnh", "7/8 phiếu (87,5%)", score("bao-ninh-thuan")],
      ["2", "Ủy ban Kiểm tra Tỉnh ủy", "Bằng khen của Chủ tịch UBND tỉnh", "6/8 phiếu (75%)", score("uy-ban-kiem-tra")],
    ]);
    expect(texts.filter((t) => t.startsWith("Báo Ninh Thuận: Hoàn thành xuất sắc"))).toHaveLength(1);
  });

  it("has no vote column when no proposal followed a vote", async () => {
    const unvoted = { ...proposalInput, proposals: proposalInput.proposals.map(({ vote: _, ...p }) => p) };
    const xml = docxParts(await proposalMemoDocx(unvoted))["word/document.xml"] ?? "";
    const header = tableRows(xml).find((r) => r[0] === "STT");
    expect(header).toEqual(["STT", "Đơn vị", "Hình thức khen thưởng", "Điểm, xếp hạng"]);
  });

  it("is signed for the bloc by its leader, and names its recipients", () => {
    const foot = texts.slice(texts.indexOf("TM. KHỐI THI ĐUA"));
    expect(foot.slice(0, 2)).toEqual(["TM. KHỐI THI ĐUA", "KHỐI TRƯỞNG"]);
    expect(foot).toContain("Văn phòng Tỉnh ủy");
    expect(texts).toContain("- Như trên;");
    expect(texts).toContain("- Lưu: VT.");
  });
});
