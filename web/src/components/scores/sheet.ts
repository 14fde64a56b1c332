import type { Role } from "@thidua/core/actor";
import type { CriteriaTable } from "@thidua/core/criteria/rules";
import type { MoveTarget, Participation } from "../../api/cycle.ts";
import type { TableLine } from "../../api/scores.ts";

/** What a line says to the one scoring it: its title, the guidance, and its group's title. */
export interface LineText {
  title: string;
  guidance?: string;
  group?: string;
}

export function lineTexts(table: CriteriaTable): Map<string, LineText> {
  const texts = new Map<string, LineText>();
  for (const group of table.groups)
    for (const item of group.items)
      texts.set(item.id, {
        title: item.title,
        group: group.title,
        ...(item.guidance ? { guidance: item.guidance } : {}),
      });
  for (const item of [...table.bonus, ...table.penalties]) texts.set(item.id, { title: item.title });
  return texts;
}

/** The sheet as the table lays it out: criteria group by group, then bonus items, then penalties. */
export interface Section {
  key: string;
  kind: TableLine["kind"];
  /** The group's title; bonus and penalty sections are named by the page. */
  title?: string;
  lines: TableLine[];
}

export function sectionsOf(table: CriteriaTable, lines: readonly TableLine[]): Section[] {
  const groups = table.groups.map((g) => ({
    key: `group-${g.id}`,
    kind: "criterion" as const,
    title: g.title,
    lines: lines.filter((l) => l.kind === "criterion" && l.groupId === g.id),
  }));
  const of = (kind: "bonus" | "penalty") => ({ key: kind, kind, lines: lines.filter((l) => l.kind === kind) });
  return [...groups, of("bonus"), of("penalty")].filter((s) => s.lines.length > 0);
}

/** Criteria scored on the saved sheet, out of all criteria: "đã chấm X/Y tiêu chí". */
export function scoredCount(lines: readonly TableLine[], part: Participation | undefined) {
  const criteria = lines.filter((l) => l.kind === "criterion");
  const saved = part?.scores?.lines ?? {};
  return { done: criteria.filter((l) => saved[l.id] !== undefined).length, total: criteria.length };
}

/** The lines a verifier must check before locking: every criterion, and the bonus or penalty lines scored. */
export function linesToVerify(lines: readonly TableLine[], part: Participation | undefined): TableLine[] {
  const scored = part?.scores?.lines ?? {};
  return lines.filter((l) => l.kind === "criterion" || scored[l.id] !== undefined);
}

export const unverified = (lines: readonly TableLine[], part: Participation | undefined): TableLine[] =>
  linesToVerify(lines, part).filter((l) => !part?.verification?.lines[l.id]);

export interface Viewer {
  role: Role;
  leads: boolean;
  unitId?: string;
}

/**
 * Who verifies a sheet, as the API decides it: never the unit itself; its assigned scorer (or the board) when
 * it has one, else those who lead the year; only in verification and while it is not locked.
 */
export function canVerify(viewer: Viewer, phase: MoveTarget, part: Participation): boolean {
  if (phase !== "verification" || part.verification?.locked || viewer.unitId === part.unitId) return false;
  const scorer = part.verification?.scorerUnitId;
  return scorer ? viewer.unitId === scorer || viewer.role === "board" : viewer.leads;
}

/** Those who lead assign a sheet's scorer while scoring or verifying, until it is locked. */
export const canAssign = (viewer: Viewer, phase: MoveTarget, part: Participation): boolean =>
  viewer.leads && (phase === "scoring" || phase === "verification") && !part.verification?.locked;

/** The assigned scorer may step back, with a reason, while the sheet is open. */
export const canRecuse = (viewer: Viewer, phase: MoveTarget, part: Participation): boolean =>
  !!viewer.unitId &&
  part.verification?.scorerUnitId === viewer.unitId &&
  (phase === "scoring" || phase === "verification") &&
  !part.verification?.locked;

/** One problem the API named on a line: `lines.1.2.points` → line "1.2", field "points". */
export interface LineIssue {
  field: string;
  message: string;
}

/**
 * The API's issues by line. Line ids hold dots ("1.2"), so a path is matched against the table's ids, the
 * longest first: `lines.1.2.evidence` is line "1.2", not line "1".
 */
export function issuesByLine(
  issues: readonly { path: string; message: string }[],
  lineIds: readonly string[],
): Record<string, LineIssue[]> {
  const ids = [...lineIds].sort((a, b) => b.length - a.length);
  const byLine: Record<string, LineIssue[]> = {};
  for (const { path, message } of issues) {
    if (!path.startsWith("lines.")) continue;
    const rest = path.slice("lines.".length);
    const id = ids.find((candidate) => rest === candidate || rest.startsWith(`${candidate}.`));
    if (!id) continue;
    byLine[id] = [...(byLine[id] ?? []), { field: rest.slice(id.length + 1), message }];
  }
  return byLine;
}
