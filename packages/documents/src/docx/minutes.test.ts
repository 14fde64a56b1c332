import type { MinutesRound } from "@thidua/core/ballot/minutes";
import { describe, expect, it } from "vitest";
import { minutesInput, units } from "../demo/ninh-thuan.ts";
import { formatPercent } from "../letterhead.ts";
import { MOTTO, NATIONAL_TITLE } from "../nd30.ts";
import { attributes, docxParts, paragraphs, paragraphWith, runProperties, tableRows } from "../testing/ooxml.ts";
import { minutesDocx } from "./minutes.ts";

const read = async (input = minutesInput) => {
  const parts = docxParts(await minutesDocx(input));
  const document = parts["word/document.xml"] ?? "";
  return { document, texts: paragraphs(document), rows: tableRows(document) };
};
const { document, texts, rows } = await read();
const name = (id: string) => units[id] ?? id;

/** The vote tables' rows, one table per round: every row under a "STT" header up to the next header. */
function voteTables(all: string[][]): string[][][] {
  const tables: string[][][] = [];
  for (const row of all) {
    if (row[0] === "STT") tables.push([]);
    else if (row.length === 5) tables.at(-1)?.push(row);
  }
  return tables;
}

describe("the vote-count minutes", () => {
  it("is an A4 page with the decree's margins, all in Times New Roman", () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(attributes(document, "w:pgMar")).toMatchObject({
      "w:top": "1134",
      "w:bottom": "1134",
      "w:left": "1701",
      "w:right": "850",
    });
    for (const run of runProperties(document)) expect(run).toContain('w:ascii="Times New Roman"');
  });

  it("carries the bloc as issuer, the national title, the motto, the number and the place-date line", () => {
    expect(texts.slice(0, 2)).toEqual(["UBND TỈNH NINH THUẬN", "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH"]);
    expect(texts).toContain(NATIONAL_TITLE);
    expect(texts).toContain(MOTTO);
    expect(texts.some((t) => /^Số: {4,}\/BB-KTĐCQĐ$/.test(t))).toBe(true);
    expect(paragraphWith(document, "Ninh Thuận, ngày 01 tháng 12 năm 2023")).toContain("<w:i/>");
    expect(texts).toContain("BIÊN BẢN");
    expect(texts).toContain("Kiểm phiếu bình xét thi đua năm 2023");
  });

  it("names in its opening the seats the ballots elected, and no other", async () => {
    expect(texts.some((t) => t.includes("bình xét thi đua và bầu Khối trưởng, Khối phó năm 2024."))).toBe(true);
    const noDeputy = await read({ ...minutesInput, rounds: minutesInput.rounds.filter((r) => r.kind !== "deputy") });
    expect(noDeputy.texts.some((t) => t.includes("bình xét thi đua và bầu Khối trưởng năm 2024."))).toBe(true);
  });

  it("gives the number once the clerk has one", async () => {
    const numbered = await read({ ...minutesInput, number: 3 });
    expect(numbered.texts).toContain("Số: 03/BB-KTĐCQĐ");
  });

  it("writes one section per round with its papers, as counted", () => {
    const rounds = minutesInput.rounds;
    expect(rounds).toHaveLength(5);
    rounds.forEach((r, i) => {
      const section = texts.findIndex((t) => t.startsWith(`${["I", "II", "III", "IV", "V"][i]}. `));
      expect(section).toBeGreaterThan(-1);
      const papers = texts[section + 2] ?? "";
      expect(papers).toContain(`Số phiếu phát ra: ${r.issued};`);
      expect(papers).toContain(`số phiếu thu vào: ${r.returned};`);
      expect(papers).toContain(`số phiếu hợp lệ: ${r.valid};`);
      expect(papers).toContain(`số phiếu không hợp lệ: ${r.invalid};`);
      expect(papers).toContain(`số phiếu trắng: ${r.blank}.`);
      expect(papers).toContain(`Số phiếu cần đạt để trúng cử: ${r.needed};`);
      expect(texts[section + 1]).toContain(`số đơn vị có mặt: ${r.present.length}/${minutesInput.members}`);
    });
    expect(texts.filter((t) => t.startsWith("III. Bầu Khối trưởng năm 2024 (vòng 1)"))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("IV. Bầu Khối trưởng năm 2024 (vòng 2)"))).toHaveLength(1);
    expect(texts).toContain("II. Bình xét đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh");
  });

  it("lists each candidate's votes, share and result exactly as the count gave them", () => {
    const tables = voteTables(rows);
    expect(tables).toHaveLength(minutesInput.rounds.length);
    minutesInput.rounds.forEach((r: MinutesRound, i) => {
      const expected = r.votes.map((v, n) => [
        String(n + 1),
        name(v.unitId),
        String(v.votes),
        formatPercent(v.votes / r.present.length),
        r.elected.includes(v.unitId) ? "Trúng cử" : r.runoff.includes(v.unitId) ? "Vào vòng sau" : "",
      ]);
      expect(tables[i]).toEqual(expected);
    });
  });

  it("states each round's outcome: elected, or who goes to the next round", () => {
    expect(texts).toContain("Kết quả: Văn phòng Tỉnh ủy (6/8 phiếu, đạt 75%) trúng cử.");
    expect(texts).toContain(
      "Kết quả: Báo Ninh Thuận (7/8 phiếu, đạt 87,5%) và Ủy ban Kiểm tra Tỉnh ủy (6/8 phiếu, đạt 75%) trúng cử.",
    );
    expect(texts).toContain(
      "Kết quả: không đơn vị nào trúng cử; Ban Tuyên giáo Tỉnh ủy và Ban Tổ chức Tỉnh ủy vào vòng 2.",
    );
  });

  it("says a round without quorum counts for nothing", async () => {
    const [first] = minutesInput.rounds;
    if (!first) throw new Error("demo has rounds");
    const thin: MinutesRound = { ...first, present: first.present.slice(0, 4), quorumMet: false, elected: [] };
    const { texts: t } = await read({ ...minutesInput, rounds: [thin] });
    expect(t).toContain(
      "Hình thức: bỏ phiếu kín; số đơn vị được bầu: 1; số đơn vị có mặt: 4/8 (không đủ tỷ lệ quy định).",
    );
    expect(t).toContain("Kết quả: số đơn vị có mặt không đủ tỷ lệ quy định; vòng bỏ phiếu này không có giá trị.");
  });

  it("names the members present in Vietnamese order", () => {
    const line = texts.find((t) => t.startsWith("Thành phần:")) ?? "";
    expect(line).toContain("8/8 đơn vị");
    const order = [
      "Ban Dân vận",
      "Ban Tổ chức",
      "Ban Tuyên giáo",
      "Báo Ninh Thuận",
      "Đảng ủy khối",
      "Trường",
      "Ủy ban",
    ];
    const positions = order.map((n) => line.indexOf(n));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(line.endsWith("và Văn phòng Tỉnh ủy.")).toBe(true);
  });

  it("ends with the counter's and the leader's signatures, names aligned, then the recipients", () => {
    const at = texts.indexOf("NGƯỜI KIỂM PHIẾU");
    // The counter's block has no unit line: a blank one keeps the two names on one line.
    expect(texts.slice(at)).toEqual([
      "NGƯỜI KIỂM PHIẾU",
      "",
      "Lê Văn Bình",
      "KHỐI TRƯỞNG",
      "Văn phòng Tỉnh ủy",
      "Nguyễn Thị Hồng",
      "Nơi nhận:",
      "- Ban Thi đua - Khen thưởng tỉnh;",
      "- Các đơn vị thành viên Khối;",
      "- Lưu: VT.",
    ]);
  });
});
