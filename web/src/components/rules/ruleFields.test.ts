import { defaultRules, resolveRules } from "@thidua/core/rules/rules";
import { describe, expect, it } from "vitest";
import { differs, display, invalidReason, keyOf, ruleFields, toForm, toOverride } from "./ruleFields.ts";

const field = (key: string) => {
  const found = ruleFields.find((f) => keyOf(f) === key);
  if (!found) throw new Error(key);
  return found;
};

describe("rule fields", () => {
  it("shows shares as percentages with at most two decimals", () => {
    expect(display(defaultRules, field("ballot.quorum"))).toBe("66,67");
    expect(display(defaultRules, field("ballot.threshold"))).toBe("50");
    expect(display(defaultRules, field("scale.allowNegative"))).toBe(false);
  });

  it("saves only what differs from the level above, shares back as fractions, a decimal comma accepted", () => {
    const form = { ...toForm(defaultRules), "ballot.quorum": "75", "scale.bonusMax": "12,5" };
    expect(toOverride(form, defaultRules, ruleFields)).toEqual({ ballot: { quorum: 0.75 }, scale: { bonusMax: 12.5 } });
    // 66,67 % is how ⅔ is shown: it is not a change.
    expect(differs({ ...form, "ballot.quorum": "66,67" }, defaultRules, field("ballot.quorum"))).toBe(false);
    expect(toOverride(toForm(defaultRules), defaultRules, ruleFields)).toEqual({});
  });

  it("compares a bloc's form with the province's rules, not the defaults", () => {
    const province = resolveRules(defaultRules, { scale: { total: 200 } });
    expect(toOverride(toForm(province), province, ruleFields)).toEqual({});
  });

  it("says why a value is refused, bounds included or not as the API has them", () => {
    const form = toForm(defaultRules);
    expect(invalidReason({ ...form, "scale.total": "" }, field("scale.total"))).toBe("rules.number_required");
    expect(invalidReason({ ...form, "scale.total": "99.5" }, field("scale.total"))).toBe("rules.integer_required");
    expect(invalidReason({ ...form, "scale.total": "5" }, field("scale.total"))).toBe("rules.out_of_range");
    expect(invalidReason({ ...form, "ballot.threshold": "100" }, field("ballot.threshold"))).toBe("rules.out_of_range");
    expect(invalidReason({ ...form, "ballot.quorum": "100" }, field("ballot.quorum"))).toBeUndefined();
    expect(invalidReason({ ...form, "ballot.tie": "coin" }, field("ballot.tie"))).toBe("rules.invalid_value");
  });

  it("offers the ranking's tie-breaks as an order, saved as a list, and the deputies' say as a switch", () => {
    const form = toForm(defaultRules);
    expect(form["ranking.tieBreak"]).toBe("first_group,fewer_penalties");
    const changed = {
      ...form,
      "ranking.tieBreak": "more_bonus,first_group,fewer_penalties",
      "leadership.deputiesAct": true,
    };
    expect(toOverride(changed, defaultRules, ruleFields)).toEqual({
      ranking: { tieBreak: ["more_bonus", "first_group", "fewer_penalties"] },
      leadership: { deputiesAct: true },
    });
    expect(toOverride({ ...form, "ranking.tieBreak": "" }, defaultRules, ruleFields)).toEqual({
      ranking: { tieBreak: [] },
    });
    expect(invalidReason({ ...form, "ranking.tieBreak": "first_group,first_group" }, field("ranking.tieBreak"))).toBe(
      "rules.invalid_value",
    );
    expect(invalidReason({ ...form, "ranking.tieBreak": "coin" }, field("ranking.tieBreak"))).toBe(
      "rules.invalid_value",
    );
  });
});
