import { describe, expect, it } from "vitest";
import { awardLines, awardName, compareAwardTypes } from "./awards.ts";

describe("award types in the national view", () => {
  it("name the built-in ones and show a province's own by id", () => {
    expect(awardName("provincial-flag")).toBe("Cờ thi đua của UBND tỉnh");
    expect(awardName("government-flag")).toBe("Cờ thi đua của Chính phủ");
    expect(awardName("certificate-of-merit")).toBe("Bằng khen của Chủ tịch UBND tỉnh");
    expect(awardName("excellent-collective")).toBe("Tập thể lao động xuất sắc");
    expect(awardName("giay-khen-so")).toBe("giay-khen-so");
  });

  it("put the built-in ones first in their order, then the others by id", () => {
    expect(
      ["zeta", "certificate-of-merit", "alpha", "provincial-flag", "government-flag"].sort(compareAwardTypes),
    ).toEqual(["provincial-flag", "government-flag", "certificate-of-merit", "alpha", "zeta"]);
  });

  it("give one line per type with every status counted and a total", () => {
    const lines = awardLines({
      "certificate-of-merit": { proposed: 2, approved: 1, withdrawn: 1 },
      "provincial-flag": { approved: 1 },
    });
    expect(lines.map((l) => l.awardTypeId)).toEqual(["provincial-flag", "certificate-of-merit"]);
    expect(lines[1]).toEqual({
      awardTypeId: "certificate-of-merit",
      name: "Bằng khen của Chủ tịch UBND tỉnh",
      counts: { proposed: 2, withdrawn: 1, returned: 0, approved: 1, rejected: 0 },
      total: 4,
    });
    expect(awardLines({})).toEqual([]);
  });
});
