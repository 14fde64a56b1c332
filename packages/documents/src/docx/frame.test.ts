import { describe, expect, it } from "vitest";
import { type Block, heading, type Nd30Content, paragraph } from "../content/model.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import { attributes, docxParts, paragraphs, paragraphWith, runProperties } from "../testing/ooxml.ts";
import { renderDocx } from "./frame.ts";

const content: Nd30Content = {
  issuer: { parent: "UBND tỉnh Ninh Thuận", body: "Hội đồng Thi đua - Khen thưởng" },
  number: "12/TTr-HĐTĐKT",
  placeDate: "Ninh Thuận, ngày 05 tháng 01 năm 2024",
  title: "Tờ trình",
  summary: ["Về việc đề nghị tặng Cờ thi đua của UBND tỉnh năm 2023"],
  body: [
    paragraph("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
    heading("I. Kết quả bình xét"),
    paragraph("Khối thi đua các cơ quan Đảng tỉnh đề nghị tặng ", { text: "Văn phòng Tỉnh ủy", bold: true }, "./."),
    {
      kind: "table",
      columns: [
        { header: "STT", width: 1, align: "center" },
        { header: "Đơn vị", width: 6 },
      ],
      rows: [["1", "Văn phòng Tỉnh ủy"]],
    },
  ],
  recipients: ["Chủ tịch UBND tỉnh", "Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT"],
  signers: [{ authority: "TM. Hội đồng", title: "Chủ tịch", name: "Trần Quốc Nam" }],
  meta: { title: "Tờ trình đề nghị khen thưởng" },
};

const parts = docxParts(await renderDocx(content));
const document = parts["word/document.xml"] ?? "";

describe("an ND30 Word document", () => {
  it("is A4 portrait with the decree's margins", () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margins = attributes(document, "w:pgMar");
    // 20 mm, 20 mm, 30 mm and 15 mm in twips.
    expect(margins).toMatchObject({ "w:top": "1134", "w:bottom": "1134", "w:left": "1701", "w:right": "850" });
  });

  it("sets Times New Roman 14 pt by default and names the font on every run", () => {
    const defaults = parts["word/styles.xml"]?.match(/<w:docDefaults>.*<\/w:docDefaults>/s)?.[0] ?? "";
    expect(defaults).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman"');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    const runs = runProperties(document);
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) expect(run).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
  });

  it("puts the issuing body and its number top left", () => {
    const texts = paragraphs(document);
    expect(texts.slice(0, 2)).toEqual(["UBND TỈNH NINH THUẬN", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"]);
    expect(paragraphWith(document, "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")).toContain("<w:b/>");
    expect(paragraphWith(document, "Số: 12/TTr-HĐTĐKT")).toContain('<w:sz w:val="26"/>');
  });

  it("puts the national title and the motto top right, bold, with the rule under the motto", () => {
    const title = paragraphWith(document, NATIONAL_TITLE);
    expect(title).toContain("<w:b/>");
    expect(title).toContain('<w:sz w:val="24"/>');
    const motto = paragraphWith(document, MOTTO);
    expect(motto).toContain("<w:b/>");
    expect(motto).toContain('<w:sz w:val="26"/>');
    const afterMotto = document.slice(document.indexOf(MOTTO)).match(/<w:p>.*?<\/w:p>/s)?.[0] ?? "";
    expect(afterMotto).toMatch(/<w:pBdr><w:top w:val="single"/);
  });

  it("writes the place and date line in italics", () => {
    const line = paragraphWith(document, "Ninh Thuận, ngày 05 tháng 01 năm 2024");
    expect(line).toContain("<w:i/>");
    expect(line).toContain('<w:sz w:val="28"/>');
  });

  it("centres the title in bold capitals with its summary", () => {
    for (const text of ["TỜ TRÌNH", "Về việc đề nghị tặng Cờ thi đua của UBND tỉnh năm 2023"]) {
      const p = paragraphWith(document, text);
      expect(p).toContain('<w:jc w:val="center"/>');
      expect(p).toContain("<w:b/>");
    }
  });

  it("justifies the body with a 1 cm first-line indent, keeping emphasis", () => {
    const p = paragraphWith(document, "Khối thi đua các cơ quan Đảng tỉnh đề nghị tặng Văn phòng Tỉnh ủy./.");
    expect(p).toContain('<w:jc w:val="both"/>');
    expect(p).toContain('<w:ind w:firstLine="567"/>');
    expect(p).toMatch(/<w:b\/>.*Văn phòng Tỉnh ủy/s);
    expect(paragraphWith(document, "I. Kết quả bình xét")).toContain("<w:keepNext/>");
  });

  it("lists the recipients bottom left and the signer bottom right", () => {
    const texts = paragraphs(document);
    const at = texts.indexOf("Nơi nhận:");
    expect(texts.slice(at, at + 4)).toEqual([
      "Nơi nhận:",
      "- Chủ tịch UBND tỉnh;",
      "- Ban Thi đua - Khen thưởng tỉnh;",
      "- Lưu: VT.",
    ]);
    expect(paragraphWith(document, "Nơi nhận:")).toMatch(/<w:b\/>.*<w:i\/>/s);
    expect(texts.slice(at + 4)).toEqual(["TM. HỘI ĐỒNG", "CHỦ TỊCH", "Trần Quốc Nam"]);
    expect(paragraphWith(document, "Trần Quốc Nam")).toContain("<w:b/>");
  });

  it("numbers pages from the second one, top centre", () => {
    expect(document).toContain("<w:titlePg/>");
    const headers = Object.entries(parts).filter(([name]) => name.startsWith("word/header"));
    expect(headers.some(([, xml]) => xml.includes("PAGE"))).toBe(true);
  });

  it("carries its title in the file's properties", () => {
    expect(parts["docProps/core.xml"]).toContain("<dc:title>Tờ trình đề nghị khen thưởng</dc:title>");
  });

  it("keeps a short table on one page and lets a long one flow across pages", async () => {
    const table = (n: number): Block => ({
      kind: "table",
      columns: [{ header: "Đơn vị", width: 1 }],
      rows: Array.from({ length: n }, (_, i) => [`Đơn vị số ${i + 1}`]),
    });
    const rowsOf = async (n: number) => {
      const xml = docxParts(await renderDocx({ ...content, body: [table(n)] }))["word/document.xml"] ?? "";
      return [...xml.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map((m) => m[0]).filter((r) => r.includes("Đơn vị số"));
    };
    const short = await rowsOf(3);
    expect(short.slice(0, -1).every((r) => r.includes("<w:keepNext/>"))).toBe(true);
    const long = await rowsOf(40);
    expect(long.some((r) => r.includes("<w:keepNext/>"))).toBe(false);
  });
});
