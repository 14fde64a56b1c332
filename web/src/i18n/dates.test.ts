import { describe, expect, it } from "vitest";
import { dateFormat, parseDayMonthYear } from "./dates.ts";

describe("dates as officials write them", () => {
  it("reads day first, with slashes, dashes or dots, and refuses days that do not exist", () => {
    expect(parseDayMonthYear("29/11/2026")).toBe("2026-11-29");
    expect(parseDayMonthYear(" 1/2/2026 ")).toBe("2026-02-01");
    expect(parseDayMonthYear("29-11-2026")).toBe("2026-11-29");
    expect(parseDayMonthYear("29.11.2026")).toBe("2026-11-29");
    expect(parseDayMonthYear("31/04/2026")).toBeUndefined();
    expect(parseDayMonthYear("29/02/2025")).toBeUndefined();
    expect(parseDayMonthYear("2026-11-29")).toBeUndefined();
    expect(parseDayMonthYear("11/29/2026")).toBeUndefined();
  });

  it("shows day/month/year in both languages", () => {
    const day = new Date("2026-02-01T10:00:00Z");
    expect(dateFormat("vi").format(day)).toBe("01/02/2026");
    expect(dateFormat("en").format(day)).toBe("01/02/2026");
  });
});
