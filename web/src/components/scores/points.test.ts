import { describe, expect, it } from "vitest";
import { parsePoints, pointsText } from "./points.ts";

describe("points as typed", () => {
  it("reads the Vietnamese decimal comma and the dot alike", () => {
    expect(parsePoints("12,5")).toBe(12.5);
    expect(parsePoints(" 38.25 ")).toBe(38.25);
    expect(parsePoints("60")).toBe(60);
  });

  it("refuses what is not a plain number", () => {
    for (const text of ["", " ", "-1", "1,2,3", "12,", ",5", "abc", "1e2", "1 000"])
      expect(parsePoints(text), text).toBeNaN();
  });

  it("shows a saved value the way the language writes it, and reads it back", () => {
    expect(pointsText(38.5, "vi")).toBe("38,5");
    expect(pointsText(38.5, "en")).toBe("38.5");
    expect(pointsText(undefined, "vi")).toBe("");
    expect(parsePoints(pointsText(1000, "vi"))).toBe(1000);
  });
});
