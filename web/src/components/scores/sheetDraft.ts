import type { LineBody, SelfLine, TableLine } from "../../api/scores.ts";
import { parsePoints, pointsText } from "./points.ts";

/** One line as the form holds it: points as typed ("12,5"), the explanation, the links. */
export interface LineDraft {
  points: string;
  note: string;
  links: { url: string; title: string }[];
}
export type SheetDraft = Record<string, LineDraft>;

/** A problem the form finds before sending: a key under `scores.check`, on a field of the line. */
export interface DraftIssue {
  field: "points" | "note" | "links";
  check: "points_invalid" | "over_max" | "points_needed" | "reason_needed" | "url_invalid";
}

const blank = (): LineDraft => ({ points: "", note: "", links: [] });

export function draftOf(saved: Record<string, SelfLine>, lines: readonly TableLine[], language: string): SheetDraft {
  return Object.fromEntries(
    lines.map((line) => {
      const self = saved[line.id];
      const draft: LineDraft = self
        ? {
            points: pointsText(self.points, language),
            note: self.note,
            links: self.links.map((l) => ({ url: l.url, title: l.title ?? "" })),
          }
        : blank();
      return [line.id, draft];
    }),
  );
}

/** Same points: both empty, the same number however written (55,5 and 55.5), or the same text. */
const samePoints = (a: string, b: string) =>
  a.trim() === b.trim() || (!Number.isNaN(parsePoints(a)) && parsePoints(a) === parsePoints(b));

const sameLine = (a: LineDraft, b: LineDraft) =>
  samePoints(a.points, b.points) &&
  a.note.trim() === b.note.trim() &&
  JSON.stringify(a.links.map((l) => [l.url.trim(), l.title.trim()])) ===
    JSON.stringify(b.links.map((l) => [l.url.trim(), l.title.trim()]));

/** The lines edited since the form opened (or was last saved). */
export const changedLines = (draft: SheetDraft, opened: SheetDraft): string[] =>
  Object.keys(draft).filter((id) => {
    const was = opened[id] ?? blank();
    const now = draft[id] ?? blank();
    return !sameLine(now, was);
  });

const isWebAddress = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
};

/** What the API would refuse in one line, said before sending; empty when it can go. */
export function lineProblems(line: TableLine, draft: LineDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const text = draft.points.trim();
  const points = parsePoints(text);
  const rest = draft.note.trim() !== "" || draft.links.some((l) => l.url.trim() !== "");
  if (text === "" && rest) issues.push({ field: "points", check: "points_needed" });
  else if (text !== "" && Number.isNaN(points)) issues.push({ field: "points", check: "points_invalid" });
  else if (points > line.maxPoints) issues.push({ field: "points", check: "over_max" });
  // A bonus or a penalty says why it is given.
  if (line.kind !== "criterion" && points > 0 && draft.note.trim() === "")
    issues.push({ field: "note", check: "reason_needed" });
  if (draft.links.some((l) => l.url.trim() !== "" && !isWebAddress(l.url.trim())))
    issues.push({ field: "links", check: "url_invalid" });
  return issues;
}

/** The body of a save: the changed lines that carry points (a line emptied again is simply not sent). */
export function linesBody(draft: SheetDraft, ids: readonly string[]): Record<string, LineBody> {
  return Object.fromEntries(
    ids.flatMap((id) => {
      const line = draft[id];
      if (!line || line.points.trim() === "") return [];
      const links = line.links
        .filter((l) => l.url.trim() !== "")
        .map((l) => ({ url: l.url.trim(), ...(l.title.trim() ? { title: l.title.trim() } : {}) }));
      return [[id, { points: parsePoints(line.points), note: line.note.trim(), links }]];
    }),
  );
}

/** Criteria whose points are typed (valid), for "đã chấm X/Y tiêu chí". */
export const typedCount = (draft: SheetDraft, lines: readonly TableLine[]) => {
  const criteria = lines.filter((l) => l.kind === "criterion");
  return {
    done: criteria.filter((l) => !Number.isNaN(parsePoints(draft[l.id]?.points ?? ""))).length,
    total: criteria.length,
  };
};
