import type { CriteriaTable } from "@thidua/core/criteria/rules";
import { describe, expect, it } from "vitest";
import type { Participation } from "../../api/cycle.ts";
import type { TableLine } from "../../api/scores.ts";
import { canAssign, canRecuse, canVerify, issuesByLine, scoredCount, sectionsOf, unverified } from "./sheet.ts";

const table: CriteriaTable = {
  groups: [
    {
      id: "1",
      title: "Nhiệm vụ chuyên môn",
      items: [
        { id: "1.1", title: "Chỉ tiêu", maxPoints: 60, evidenceRequired: true },
        { id: "1.2", title: "Cải cách hành chính", maxPoints: 40, evidenceRequired: false },
      ],
    },
  ],
  bonus: [{ id: "b1", title: "Sáng kiến", maxPoints: 5 }],
  penalties: [{ id: "p1", title: "Chậm báo cáo", maxPoints: 10 }],
};
const line = (id: string, kind: TableLine["kind"], groupId?: string): TableLine => ({
  id,
  kind,
  maxPoints: 10,
  weight: 1,
  evidenceRequired: false,
  ...(groupId ? { groupId } : {}),
});
const lines = [
  line("1.1", "criterion", "1"),
  line("1.2", "criterion", "1"),
  line("b1", "bonus"),
  line("p1", "penalty"),
];
const self = (points: number) => ({ points, note: "", links: [], files: [] });
const signed = { at: "2026-12-01T00:00:00.000Z", by: "x", byName: "X" };

describe("a score sheet", () => {
  it("is laid out as the table: groups, then bonus, then penalties", () => {
    expect(sectionsOf(table, lines).map((s) => [s.key, s.lines.map((l) => l.id)])).toEqual([
      ["group-1", ["1.1", "1.2"]],
      ["bonus", ["b1"]],
      ["penalty", ["p1"]],
    ]);
  });

  it("counts the criteria scored, and what is left to verify (criteria, and adjustments the unit scored)", () => {
    const part: Participation = { unitId: "a", version: 3, scores: { lines: { "1.1": self(50), b1: self(2) } } };
    expect(scoredCount(lines, part)).toEqual({ done: 1, total: 2 });
    expect(unverified(lines, part).map((l) => l.id)).toEqual(["1.1", "1.2", "b1"]);
    const verified = {
      ...part,
      verification: { recusals: [], lines: { "1.1": { points: 50, ...signed } } },
    };
    expect(unverified(lines, verified).map((l) => l.id)).toEqual(["1.2", "b1"]);
  });

  it("reads the API's issues by line, whatever dots the ids hold", () => {
    const issues = [
      { path: "lines.1.1.evidence", message: "score.evidence_required" },
      { path: "lines.1.2", message: "score.missing" },
      { path: "lines.b1.note", message: "score.reason_required" },
      { path: "version", message: "x" },
    ];
    expect(issuesByLine(issues, ["1", "1.1", "1.2", "b1"])).toEqual({
      "1.1": [{ field: "evidence", message: "score.evidence_required" }],
      "1.2": [{ field: "", message: "score.missing" }],
      b1: [{ field: "note", message: "score.reason_required" }],
    });
  });
});

describe("who verifies a sheet", () => {
  const sheet = (scorerUnitId?: string, locked = false): Participation => ({
    unitId: "a",
    version: 5,
    verification: {
      recusals: [],
      lines: {},
      ...(scorerUnitId ? { scorerUnitId } : {}),
      ...(locked ? { locked: signed } : {}),
    },
  });
  const leader = { role: "unit" as const, leads: true, unitId: "l" };
  const board = { role: "board" as const, leads: true };

  it("is the leader without a scorer, the scorer (or the board) with one, never the unit itself", () => {
    expect(canVerify(leader, "verification", sheet())).toBe(true);
    expect(canVerify(leader, "verification", sheet("s"))).toBe(false);
    expect(canVerify({ role: "unit", leads: false, unitId: "s" }, "verification", sheet("s"))).toBe(true);
    expect(canVerify(board, "verification", sheet("s"))).toBe(true);
    expect(canVerify({ ...leader, unitId: "a" }, "verification", sheet())).toBe(false);
  });

  it("only in verification and before the lock", () => {
    expect(canVerify(leader, "scoring", sheet())).toBe(false);
    expect(canVerify(leader, "verification", sheet(undefined, true))).toBe(false);
    expect(canAssign(leader, "scoring", sheet())).toBe(true);
    expect(canAssign(leader, "ranked", sheet())).toBe(false);
    expect(canRecuse({ role: "unit", leads: false, unitId: "s" }, "verification", sheet("s"))).toBe(true);
    expect(canRecuse({ role: "unit", leads: false, unitId: "s" }, "verification", sheet("s", true))).toBe(false);
  });
});
