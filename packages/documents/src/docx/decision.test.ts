import { describe, expect, it } from "vitest";
import { decisionInput } from "../demo/ninh-thuan.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import { attributes, docxParts, paragraphs, paragraphWith, runProperties, tableRows } from "../testing/ooxml.ts";
import { decisionDocx } from "./decision.ts";

const document = docxParts(await decisionDocx(decisionInput))["word/document.xml"] ?? "";
const texts = paragraphs(document);

describe("the award decision", () => {
  it("is an A4 page with the decree's margins, all in Times New Roman", () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(attributes(document, "w:pgMar")).toMatchObject({ "w:top": "1134", "w:left": "1701", "w:right": "850" });
    for (const run of runProperties(document)) expect(run).toContain('w:ascii="Times New Roman"');
  });

  it("is issued by the People's Committee under the number and date the board recorded", () => {
    expect(texts[0]).toBe("UBND TỈNH NINH THUẬN");
    expect(texts).toContain(NATIONAL_TITLE);
    expect(texts).toContain(MOTTO);
    expect(texts).toContain("Số: 2786/QĐ-UBND");
    expect(paragraphWith(document, "Ninh Thuận, ngày 28 tháng 12 năm 2023")).toContain("<w:i/>");
    expect(texts).toContain("QUYẾT ĐỊNH");
    expect(texts).toContain("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh");
  });

  it("states its authority, its grounds and its articles, the first naming how many units it awards", () => {
    expect(paragraphWith(document, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH THUẬN")).toContain('<w:jc w:val="center"/>');
    expect(texts).toContain("QUYẾT ĐỊNH:");
    const first = texts.find((t) => t.startsWith("Điều 1."));
    expect(first).toContain(
      "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 tập thể thuộc Khối thi đua các cơ quan Đảng tỉnh",
    );
    expect(texts.some((t) => t.startsWith("Điều 3.") && t.endsWith("./."))).toBe(true);
  });

  it("is signed by the chair as the board recorded, and charges the committee's office and the units", () => {
    const foot = texts.slice(texts.lastIndexOf("CHỦ TỊCH"));
    expect(foot.slice(0, 2)).toEqual(["CHỦ TỊCH", "Trần Quốc Nam"]);
    expect(texts).not.toContain("TM. HỘI ĐỒNG");
    expect(texts.find((t) => t.startsWith("Điều 3."))).toContain("Chánh Văn phòng Ủy ban nhân dân tỉnh Ninh Thuận");
    expect(texts.some((t) => t.includes("của Hội đồng Thi đua - Khen thưởng tỉnh Ninh Thuận."))).toBe(true);
    expect(texts).toContain("- Như Điều 3;");
  });

  it("annexes the awarded units on a page of their own, referring to the decision", () => {
    const annex = paragraphWith(document, "DANH SÁCH");
    expect(annex).toContain("<w:pageBreakBefore/>");
    expect(texts).toContain("(Kèm theo Quyết định số 2786/QĐ-UBND ngày 28/12/2023)");
    const listed = tableRows(document).filter((r) => r.length === 3 && /^\d+$/.test(r[0] ?? ""));
    expect(listed).toEqual(decisionInput.awards.map((a, i) => [String(i + 1), a.unit, a.award]));
  });
});
