import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  builtInAwardTypes,
  GOVERNMENT_FLAG,
  isAcyclic,
  mergeAwardTypes,
  PROVINCIAL_FLAG,
  prerequisiteProblems,
  requiredBy,
} from "./award.rules.ts";

const ids = ["a", "b", "c", "d", "e"] as const;
type Node = { awardTypeId: string; prerequisites: string[]; active: boolean };

/** A random acyclic graph: each type may require only types before it. */
const acyclicTypes = fc
  .array(fc.boolean(), { minLength: ids.length * ids.length, maxLength: ids.length * ids.length })
  .map((edges): Node[] =>
    ids.map((id, i) => ({
      awardTypeId: id,
      prerequisites: ids.filter((_, j) => j < i && edges[i * ids.length + j]),
      active: true,
    })),
  );

describe("award type rules", () => {
  it("accepts a change exactly when the prerequisites stay acyclic", () => {
    fc.assert(
      fc.property(
        acyclicTypes,
        fc.constantFrom(...ids),
        fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }),
        (types, target, prerequisites) => {
          const problems = prerequisiteProblems(types, target, prerequisites);
          const changed = types.map((t) => (t.awardTypeId === target ? { ...t, prerequisites } : t));
          expect(problems.length === 0).toBe(isAcyclic(changed));
          for (const p of problems) expect(p.message).toBe("award_type.prerequisite_cycle");
        },
      ),
    );
  });

  it("names a self-reference and an unknown or inactive prerequisite by position", () => {
    const types: Node[] = [
      { awardTypeId: "a", prerequisites: [], active: true },
      { awardTypeId: "old", prerequisites: [], active: false },
    ];
    expect(prerequisiteProblems(types, "x", ["a", "x", "nope", "old"])).toEqual([
      { path: "prerequisites.1", message: "award_type.prerequisite_cycle" },
      { path: "prerequisites.2", message: "award_type.unknown_prerequisite" },
      { path: "prerequisites.3", message: "award_type.unknown_prerequisite" },
    ]);
  });

  it("finds a longer cycle", () => {
    const types: Node[] = [
      { awardTypeId: "a", prerequisites: ["b"], active: true },
      { awardTypeId: "b", prerequisites: ["c"], active: true },
      { awardTypeId: "c", prerequisites: [], active: true },
    ];
    expect(prerequisiteProblems(types, "c", ["a"])).toEqual([
      { path: "prerequisites.0", message: "award_type.prerequisite_cycle" },
    ]);
    expect(requiredBy(types, "b")).toEqual(["a"]);
  });

  it("ships the defaults, with the government flag requiring the provincial flag", () => {
    const merged = mergeAwardTypes([]);
    expect(merged.map((t) => t.awardTypeId)).toEqual([
      PROVINCIAL_FLAG,
      GOVERNMENT_FLAG,
      "certificate-of-merit",
      "excellent-collective",
    ]);
    expect(merged.every((t) => t.builtIn && t.version === 0 && t.active)).toBe(true);
    expect(merged[1]?.prerequisites).toEqual([PROVINCIAL_FLAG]);
    expect(isAcyclic(builtInAwardTypes)).toBe(true);
  });

  it("lets a stored item replace a default and sorts by order, then Vietnamese name", () => {
    const merged = mergeAwardTypes([
      { ...(builtInAwardTypes[0] as Node & (typeof builtInAwardTypes)[0]), name: "Cờ tỉnh", order: 50, version: 1 },
      {
        awardTypeId: "x",
        name: "Đơn vị",
        level: "collective",
        prerequisites: [],
        leaderOnly: false,
        active: true,
        order: 50,
        version: 1,
      },
      {
        awardTypeId: "y",
        name: "Cờ",
        level: "individual",
        prerequisites: [],
        leaderOnly: false,
        active: true,
        order: 50,
        version: 1,
      },
    ]);
    expect(merged.slice(-3).map((t) => [t.awardTypeId, t.builtIn])).toEqual([
      ["y", false],
      [PROVINCIAL_FLAG, true],
      ["x", false],
    ]);
    expect(merged).toHaveLength(6);
  });
});
