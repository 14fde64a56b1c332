import { describe, expect, it } from "vitest";
import type { Participation } from "../../api/cycle.ts";
import { currentDeadline, sheetsToVerify, unitStep } from "./tasks.ts";

const signed = { at: "2026-03-01T00:00:00.000Z", by: "u", byName: "Cán bộ" };
const part = (extra: Partial<Participation> = {}): Participation => ({ unitId: "a", version: 1, ...extra });

describe("a member's next step", () => {
  it("registers, then signs, during registration", () => {
    expect(unitStep("registration", undefined, 0)).toBe("register");
    const registered = part({ registration: { targets: ["x"], aims: [], filed: signed } });
    expect(unitStep("registration", registered, 0)).toBe("sign");
    expect(unitStep("registration", { ...registered, covenant: signed }, 0)).toBe("wait");
  });

  it("still signs a covenant it missed, then reports at mid-year and scores until it submits", () => {
    expect(unitStep("in_progress", part(), 0)).toBe("sign");
    expect(unitStep("mid_year_review", part({ covenant: signed }), 0)).toBe("report");
    expect(unitStep("scoring", part({ covenant: signed }), 0)).toBe("score");
    const submitted = part({ covenant: signed, scores: { lines: {}, submitted: signed } });
    expect(unitStep("scoring", submitted, 0)).toBe("wait");
    expect(unitStep("verification", submitted, 2)).toBe("verify");
    expect(unitStep("ranked", submitted, 0)).toBe("conference");
    expect(unitStep("closed", submitted, 0)).toBe("results");
  });

  it("lists only the open sheets assigned to the unit", () => {
    const view = {
      participations: [
        part({ unitId: "b", verification: { scorerUnitId: "a", recusals: [], lines: {} } }),
        part({ unitId: "c", verification: { scorerUnitId: "a", recusals: [], lines: {}, locked: signed } }),
        part({ unitId: "d", verification: { scorerUnitId: "x", recusals: [], lines: {} } }),
      ],
    };
    expect(sheetsToVerify(view, "a").map((p) => p.unitId)).toEqual(["b"]);
  });

  it("reads the current phase's deadline", () => {
    expect(currentDeadline("scoring", { scoring: "2026-12-10" })).toBe("2026-12-10");
    expect(currentDeadline("in_progress", { scoring: "2026-12-10" })).toBeUndefined();
  });
});
