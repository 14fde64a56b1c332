import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { letterhead } from "./demo/ninh-thuan.ts";
import {
  committeeName,
  councilName,
  documentNumber,
  formatNumber,
  formatPercent,
  formatPoints,
  inText,
  Letterhead,
  placeDateLine,
  upper,
  vietnamDate,
} from "./letterhead.ts";

const valid = {
  issuer: { parent: "UBND tỉnh Ninh Thuận", body: "Hội đồng Thi đua - Khen thưởng" },
  place: "Ninh Thuận",
  signer: { authority: "KT. Chủ tịch", title: "Phó Chủ tịch", name: "Trần Quốc Nam" },
};
const issuesOf = (input: unknown) => Letterhead.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe("letterhead settings", () => {
  it("accepts a province's letterhead, normalising what was typed", () => {
    const parsed = Letterhead.parse({ ...valid, place: "  Ninh   Thuận " });
    expect(parsed.place).toBe("Ninh Thuận");
    expect(parsed.numbers).toEqual({});
  });

  it("refuses a signer's authority without the decree's prefix", () => {
    expect(issuesOf({ ...valid, signer: { ...valid.signer, authority: "Thay mặt Hội đồng" } })).toContain(
      "letterhead.authority_prefix",
    );
    for (const authority of ["TM. Hội đồng", "KT. Chủ tịch", "Q. Chủ tịch", "TL. Chủ tịch", "TUQ. Chủ tịch"])
      expect(issuesOf({ ...valid, signer: { ...valid.signer, authority } })).toEqual([]);
  });

  it("refuses a number pattern without one {n} or with stray characters", () => {
    expect(issuesOf({ ...valid, numbers: { minutes: "BB-KTĐ" } })).toContain("letterhead.number_without_n");
    expect(issuesOf({ ...valid, numbers: { minutes: "{n}/{n}/BB" } })).toContain("letterhead.number_without_n");
    expect(issuesOf({ ...valid, numbers: { minutes: "{n}/BB KTĐ" } })).toContain("letterhead.number_symbol");
    expect(issuesOf({ ...valid, numbers: { decision: "{n}/{year}/QĐ-UBND", proposal: "{n}/TTr-KTĐ" } })).toEqual([]);
  });

  it("refuses an unknown document kind and an empty issuing body", () => {
    expect(issuesOf({ ...valid, numbers: { memo: "{n}/X" } }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...valid, issuer: { body: "   " } }).length).toBeGreaterThan(0);
  });
});

describe("document numbers", () => {
  it("writes numbers below 10 with a leading 0, from the province's pattern or the default", () => {
    expect(documentNumber(letterhead, "minutes", 1)).toBe("01/BB-KTĐCQĐ");
    expect(documentNumber(letterhead, "minutes", 124)).toBe("124/BB-KTĐCQĐ");
    expect(documentNumber(letterhead, "proposal", 7)).toBe("07/TTr-KTĐ");
  });

  it("fills {year} and leaves the number blank for the clerk when there is none", () => {
    const withYear = Letterhead.parse({ ...valid, numbers: { decision: "{n}/{year}/QĐ-UBND" } });
    expect(documentNumber(withYear, "decision", 3, 2024)).toBe("03/2024/QĐ-UBND");
    expect(documentNumber(letterhead, "minutes")).toMatch(/^ {4,}\/BB-KTĐCQĐ$/);
  });
});

describe("the place and date line", () => {
  it("pads days 1–9 and months 1–2 with a 0, and nothing else", () => {
    expect(placeDateLine("Ninh Thuận", { year: 2024, month: 1, day: 15 })).toBe(
      "Ninh Thuận, ngày 15 tháng 01 năm 2024",
    );
    expect(placeDateLine("Ninh Thuận", { year: 2023, month: 12, day: 1 })).toBe(
      "Ninh Thuận, ngày 01 tháng 12 năm 2023",
    );
    expect(placeDateLine("An Giang", { year: 2023, month: 3, day: 5 })).toBe("An Giang, ngày 05 tháng 3 năm 2023");
    expect(placeDateLine("Huế", { year: 2025, month: 2, day: 28 })).toBe("Huế, ngày 28 tháng 02 năm 2025");
  });

  it("holds for every day of the year", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (d) => {
        const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const m = placeDateLine("Ninh Thuận", date).match(/^Ninh Thuận, ngày (\d+) tháng (\d+) năm (\d{4})$/);
        expect(m).not.toBeNull();
        const [, day = "", month = ""] = m ?? [];
        expect(Number(day)).toBe(date.day);
        expect(day.length).toBe(2);
        expect(Number(month)).toBe(date.month);
        expect(month.length).toBe(date.month <= 2 || date.month >= 10 ? 2 : 1);
      }),
    );
  });

  it("leaves day and month blank to be written by hand", () => {
    expect(placeDateLine("Ninh Thuận", { year: 2024 })).toMatch(/^Ninh Thuận, ngày {3,}tháng {3,}năm 2024$/);
  });

  it("takes the day in Vietnam, whatever the server's time zone", () => {
    expect(vietnamDate("2023-11-30T17:30:00Z")).toEqual({ year: 2023, month: 12, day: 1 });
    expect(vietnamDate(new Date("2023-11-30T16:59:00Z"))).toEqual({ year: 2023, month: 11, day: 30 });
  });
});

describe("numbers the Vietnamese way", () => {
  it("writes a decimal comma and dots between thousands", () => {
    expect(formatNumber(95.5)).toBe("95,5");
    expect(formatNumber(1234.567)).toBe("1.234,57");
    expect(formatPoints(95.5)).toBe("95,50");
    expect(formatPoints(100)).toBe("100,00");
    expect(formatPercent(7 / 8)).toBe("87,5%");
    expect(formatPercent(2 / 3)).toBe("66,67%");
  });

  it("uppercases with Vietnamese letters", () => {
    expect(upper("Ủy ban Kiểm tra Tỉnh ủy")).toBe("ỦY BAN KIỂM TRA TỈNH ỦY");
  });
});

describe("bodies named inside a sentence", () => {
  const capitals = {
    issuer: { parent: "UBND THÀNH PHỐ HUẾ", body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" },
    place: "Huế",
    signer: { title: "CHỦ TỊCH" },
    numbers: {},
  };

  it("writes a letterhead typed in capitals as a sentence does, and keeps what was typed otherwise", () => {
    expect(inText("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")).toBe("Hội đồng Thi đua - Khen thưởng");
    expect(inText("SỞ NỘI VỤ")).toBe("Sở nội vụ");
    expect(inText("Sở Nội vụ")).toBe("Sở Nội vụ");
  });

  it("names the council and the People's Committee with the province or the city", () => {
    expect(councilName(letterhead)).toBe("Hội đồng Thi đua - Khen thưởng tỉnh Ninh Thuận");
    expect(councilName(capitals)).toBe("Hội đồng Thi đua - Khen thưởng thành phố Huế");
    expect(committeeName(letterhead)).toBe("Ủy ban nhân dân tỉnh Ninh Thuận");
    expect(committeeName(capitals)).toBe("Ủy ban nhân dân thành phố Huế");
    const named = { parent: "UBND THÀNH PHỐ HUẾ", body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG THÀNH PHỐ HUẾ" };
    expect(councilName({ ...capitals, issuer: named })).toBe("Hội đồng Thi đua - Khen thưởng thành phố Huế");
  });
});
