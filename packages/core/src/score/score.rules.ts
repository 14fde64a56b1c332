import { z } from "zod";
import type { CriteriaTable } from "../criteria/criteria.rules.ts";
import { ReadVersion } from "../edit/edit.rules.ts";
import type { CodedIssue } from "../error.ts";
import { textField } from "../text/index.ts";

/**
 * A member's score sheet for the year: a line per criterion, bonus and penalty item of the table the
 * year opened with (ids are unique across the table), each scored by the unit, then verified.
 */

const Note = textField({ min: 0, max: 2000, multiline: true });
const Reason = textField({ min: 3, max: 500 });
const LineId = z.string().min(1).max(20);
/** Points as the table counts them: whole hundredths. */
const Points = z.number().min(0).max(1000);

export const EvidenceLink = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    title: textField({ min: 0, max: 200 }).optional(),
  })
  .meta({ id: "EvidenceLink" });
export type EvidenceLink = z.infer<typeof EvidenceLink>;

/** A file attached to a line: stored under the province's prefix, named by the API. */
export const EvidenceFile = z
  .object({ fileId: z.string(), name: z.string(), size: z.number().int(), contentType: z.string(), at: z.string() })
  .meta({ id: "EvidenceFile" });
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const SelfLine = z
  .object({
    points: z.number(),
    /** The explanation of a criterion, the reason of a bonus or penalty. */
    note: z.string(),
    links: z.array(EvidenceLink),
    files: z.array(EvidenceFile),
  })
  .meta({ id: "SelfLine" });
export type SelfLine = z.infer<typeof SelfLine>;

export const VerifiedLine = z
  .object({
    points: z.number(),
    /** Why the verifier's points differ from the unit's. */
    reason: z.string().optional(),
    at: z.string(),
    by: z.string(),
    byName: z.string(),
  })
  .meta({ id: "VerifiedLine" });
export type VerifiedLine = z.infer<typeof VerifiedLine>;

export const LineInput = z.object({
  points: Points,
  note: Note.default(""),
  links: z.array(EvidenceLink).max(10).default([]),
});

export const SaveScoresInput = z.object({
  /** The lines to set (others stay as they are). */
  lines: z.record(LineId, LineInput),
  version: ReadVersion,
});

export const VerifyLineInput = z.object({ points: Points, reason: Reason.optional(), version: ReadVersion });
export const ReasonInput = z.object({ reason: Reason, version: ReadVersion });
export const AssignScorerInput = z.object({
  /** The unit that verifies this sheet; null: the leader does. */
  scorerUnitId: z.string().min(1).max(120).nullable(),
  version: ReadVersion,
});

/** One line of the table, with what bounds its score. */
export const TableLineView = z
  .object({
    id: z.string(),
    kind: z.enum(["criterion", "bonus", "penalty"]),
    maxPoints: z.number(),
    weight: z.number(),
    evidenceRequired: z.boolean(),
    groupId: z.string().optional(),
  })
  .meta({ id: "TableLine" });
export type TableLine = z.infer<typeof TableLineView>;

/** Every line of a table, in its order: criteria group by group, then bonus, then penalties. */
export function tableLines(table: CriteriaTable): TableLine[] {
  return [
    ...table.groups.flatMap((g) =>
      g.items.map((c) => ({
        id: c.id,
        kind: "criterion" as const,
        maxPoints: c.maxPoints,
        weight: c.weight ?? 1,
        evidenceRequired: c.evidenceRequired,
        groupId: g.id,
      })),
    ),
    ...table.bonus.map((b) => ({
      id: b.id,
      kind: "bonus" as const,
      maxPoints: b.maxPoints,
      weight: 1,
      evidenceRequired: false,
    })),
    ...table.penalties.map((p) => ({
      id: p.id,
      kind: "penalty" as const,
      maxPoints: p.maxPoints,
      weight: 1,
      evidenceRequired: false,
    })),
  ];
}

const hundredths = (x: number) => Math.round(x * 100);
/** At most two decimals, as the table's points. */
const tooPrecise = (x: number) => Math.abs(x * 100 - hundredths(x)) > 1e-6;

/** Why points do not fit a line: above its max, or finer than hundredths. */
export function pointsProblem(line: TableLine, points: number): "score.over_max" | "score.too_precise" | undefined {
  if (points > line.maxPoints) return "score.over_max";
  if (tooPrecise(points)) return "score.too_precise";
  return undefined;
}

/** Why the lines sent do not fit the table, as `lines.<id>…` field issues; empty when they fit. */
export function linesProblems(
  lines: Record<string, { points: number; note: string }>,
  table: readonly TableLine[],
): CodedIssue[] {
  const byId = new Map(table.map((l) => [l.id, l]));
  return Object.entries(lines).flatMap(([id, value]): CodedIssue[] => {
    const line = byId.get(id);
    if (!line) return [{ path: `lines.${id}`, message: "score.unknown_line" }];
    const problem = pointsProblem(line, value.points);
    if (problem) return [{ path: `lines.${id}.points`, message: problem }];
    // A bonus or a penalty says why it is given.
    if (line.kind !== "criterion" && value.points > 0 && value.note === "")
      return [{ path: `lines.${id}.note`, message: "score.reason_required" }];
    return [];
  });
}

/** What a sheet lacks to be submitted: a criterion not scored, a required evidence missing. */
export function submissionProblems(lines: Record<string, SelfLine>, table: readonly TableLine[]): CodedIssue[] {
  return table.flatMap((line): CodedIssue[] => {
    if (line.kind !== "criterion") return [];
    const self = lines[line.id];
    if (!self) return [{ path: `lines.${line.id}`, message: "score.missing" }];
    if (line.evidenceRequired && self.links.length + self.files.length === 0)
      return [{ path: `lines.${line.id}.evidence`, message: "score.evidence_required" }];
    return [];
  });
}

/** A sheet's totals from one value per line (missing lines count 0). */
export interface Totals {
  criteria: number;
  bonus: number;
  penalties: number;
  total: number;
  /** Each group's weighted points, by group id. */
  groups: Record<string, number>;
}

/**
 * Totals in exact arithmetic (points and weights are whole hundredths): criteria weighted, plus bonus,
 * minus penalties; not below zero unless the rules allow it.
 */
export function totalsOf(
  table: readonly TableLine[],
  points: (id: string) => number | undefined,
  allowNegative: boolean,
): Totals {
  let criteria = 0;
  let bonus = 0;
  let penalties = 0;
  const groups: Record<string, number> = {};
  for (const line of table) {
    const p = points(line.id) ?? 0;
    // Ten-thousandths: hundredths of points times hundredths of weight.
    const value = hundredths(p) * hundredths(line.weight);
    if (line.kind === "criterion") {
      criteria += value;
      if (line.groupId) groups[line.groupId] = (groups[line.groupId] ?? 0) + value;
    } else if (line.kind === "bonus") bonus += value;
    else penalties += value;
  }
  const raw = criteria + bonus - penalties;
  const total = allowNegative ? raw : Math.max(0, raw);
  const points4 = (x: number) => x / 10_000;
  return {
    criteria: points4(criteria),
    bonus: points4(bonus),
    penalties: points4(penalties),
    total: points4(total),
    groups: Object.fromEntries(Object.entries(groups).map(([id, v]) => [id, points4(v)])),
  };
}
