import { describe, expect, it } from "vitest";
import { covenantInput } from "../demo/ninh-thuan.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import { attributes, docxParts, paragraphs, paragraphWith, runProperties, tableRows } from "../testing/ooxml.ts";
import { covenantDocx } from "./covenant.ts";

const parts = docxParts(await covenantDocx(covenantInput));
const document = parts["word/document.xml"] ?? "";
const texts = paragraphs(document);
const rows = tableRows(document);

describe("the emulation covenant", () => {
  it("is an A4 page with the decree's margins, all in Times New Roman", () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(attributes(document, "w:pgMar")).toMatchObject({ "w:top": "1134", "w:left": "1701", "w:right": "850" });
    for (const run of runProperties(document)) expect(run).toContain('w:ascii="Times New Roman"');
  });

  it("carries the bloc as issuer, the national title and motto, the covenant's number and the place-date line", () => {
    expect(texts.slice(0, 2)).toEqual(["UBND TỈNH NINH THUẬN", "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH"]);
    expect(texts).toContain(NATIONAL_TITLE);
    expect(texts).toContain(MOTTO);
    expect(texts.some((t) => /^Số: {4,}\/GƯ-KTĐ$/.test(t))).toBe(true);
    expect(paragraphWith(document, "Ninh Thuận, ngày 05 tháng 3 năm 2023")).toContain("<w:i/>");
    expect(texts).toContain("BẢN GIAO ƯỚC THI ĐUA");
    expect(texts.some((t) => t.includes("Đoàn kết, kỷ cương, sáng tạo"))).toBe(true);
  });

  it("lists every member with its targets and aims, then who signed for it and when, in the bloc's order", () => {
    const registered = rows.filter((r) => r.length === 4 && /^\d+$/.test(r[0] ?? "") && r[2]?.startsWith("- "));
    expect(registered.map((r) => r[1])).toEqual(covenantInput.members.map((m) => m.name));
    expect(registered[0]?.[2]).toBe(covenantInput.members[0]?.targets.map((t) => `- ${t}`).join("\n"));
    expect(registered[0]?.[3]).toBe("Bằng khen của Chủ tịch UBND tỉnh");
    const signatures = rows.filter((r) => r.length === 4 && /^\d{2}\/\d{2}\/\d{4}$/.test(r[3] ?? ""));
    expect(signatures.map((r) => [r[1], r[3]])).toEqual(
      covenantInput.members.map((m) => [m.name, `0${m.signed.date.day}/03/2023`]),
    );
  });

  it("is signed by the deputy on the left and the leader on the right", () => {
    const foot = texts.slice(texts.indexOf("KHỐI PHÓ"));
    expect(foot).toContain("KHỐI TRƯỞNG");
    expect(foot).toContain("Văn phòng Tỉnh ủy");
    expect(foot).toContain("Ban Tuyên giáo Tỉnh ủy");
  });

  it("is signed by the leader alone when the bloc has no deputy", async () => {
    const alone = paragraphs(
      docxParts(await covenantDocx({ ...covenantInput, deputies: [] }))["word/document.xml"] ?? "",
    );
    expect(alone).not.toContain("KHỐI PHÓ");
    expect(alone).toContain("KHỐI TRƯỞNG");
  });
});
