import { z } from "zod";
import { ReadVersion } from "../edit/edit.rules.ts";
import type { CodedIssue } from "../error.ts";
import { textField } from "../text/index.ts";

/**
 * The year of a bloc, once launched: the phases it moves through in order. Voting and proposals come
 * after "ranked"; closing ends the year.
 */
export const phases = ["registration", "in_progress", "mid_year_review", "scoring", "verification", "ranked"] as const;
export const Phase = z.enum(phases);
export type Phase = z.infer<typeof Phase>;

/** Where a move can go: a phase, or the end of the year. */
export const MoveTarget = z.enum([...phases, "closed"]);
export type MoveTarget = z.infer<typeof MoveTarget>;

/** The phases that ask something of every member, and so may have a deadline. */
export const dutyPhases = ["registration", "mid_year_review", "scoring", "verification"] as const;
export type DutyPhase = (typeof dutyPhases)[number];

const order = (p: MoveTarget) => (p === "closed" ? phases.length : phases.indexOf(p));
/** The phase after `phase` ("closed" after the last). */
export const nextOf = (phase: Phase): MoveTarget => phases[phases.indexOf(phase) + 1] ?? "closed";
export const isBackward = (from: MoveTarget, to: MoveTarget) => order(to) < order(from);

/** What a member owes at each step, as the progress view and the guards read it. */
export const duties = ["registration", "covenant", "report", "scores_submitted", "scores_locked"] as const;
export type Duty = (typeof duties)[number];

/** What one member has done so far this year. */
export interface MemberProgress {
  unitId: string;
  registered: boolean;
  signed: boolean;
  reported: boolean;
  submitted: boolean;
  locked: boolean;
}

const dutyDone: Record<Duty, (p: MemberProgress) => boolean> = {
  registration: (p) => p.registered,
  covenant: (p) => p.signed,
  report: (p) => p.reported,
  scores_submitted: (p) => p.submitted,
  scores_locked: (p) => p.locked,
};

/** What must be complete to leave a phase forward (the duties of its members). */
const leaving: Record<Phase, readonly Duty[]> = {
  registration: ["registration", "covenant"],
  in_progress: [],
  mid_year_review: ["report"],
  scoring: ["scores_submitted"],
  verification: ["scores_locked"],
  ranked: [],
};

/** The duties late after a phase's deadline (the same ones). */
export const dutiesOf = (phase: Phase): readonly Duty[] => leaving[phase];

/** The members who have not done a duty, as field issues `members.<unitId>` naming the duty. */
export function missingDuties(phase: Phase, members: readonly MemberProgress[]): CodedIssue[] {
  return leaving[phase].flatMap((duty) =>
    members
      .filter((m) => !dutyDone[duty](m))
      .map((m) => ({ path: `members.${m.unitId}`, message: `cycle.missing_${duty}` as const })),
  );
}

/** Members late at `today` (yyyy-mm-dd): the phase's deadline passed and a duty of it is not done. */
export function lateMembers(
  phase: Phase,
  deadlines: Deadlines,
  members: readonly MemberProgress[],
  today: string,
): string[] {
  const due = deadlines[phase as DutyPhase];
  if (!due || due >= today) return [];
  return members.filter((m) => leaving[phase].some((duty) => !dutyDone[duty](m))).map((m) => m.unitId);
}

const Day = z.iso.date();
export const Deadlines = z
  .object({
    registration: Day.optional(),
    mid_year_review: Day.optional(),
    scoring: Day.optional(),
    verification: Day.optional(),
  })
  .meta({ id: "Deadlines" });
export type Deadlines = z.infer<typeof Deadlines>;

/** Within the year's calendar: a deadline of 2025 falls in 2025 or, for the year-end steps, early 2026. */
export function deadlineProblems(year: number, deadlines: Deadlines): CodedIssue[] {
  return Object.entries(deadlines).flatMap(([phase, day]) => {
    const y = Number(day?.slice(0, 4));
    return y === year || y === year + 1
      ? []
      : [{ path: `deadlines.${phase}`, message: "cycle.deadline_outside_year" as const }];
  });
}

const Item = textField({ min: 1, max: 1000, multiline: true });
const Reason = textField({ min: 3, max: 500 });

export const LaunchInput = z.object({
  theme: textField({ min: 3, max: 300 }),
  /** A few lines to the members: what this year is about. */
  launchNote: textField({ min: 0, max: 3000, multiline: true }).optional(),
  version: ReadVersion,
});

export const MovePhaseInput = z.object({
  to: MoveTarget,
  /** Required to go back (the board reopening a phase): kept in the audit trail. */
  reason: Reason.optional(),
  version: ReadVersion,
});

export const SetDeadlinesInput = z.object({ deadlines: Deadlines, version: ReadVersion });

const AwardTypeId = z.string().min(1).max(120);
export const Registration = z
  .object({
    /** The unit's targets for the year, one per item. */
    targets: z.array(Item).min(1).max(30),
    /** The titles and awards it aims for (the province's award types). */
    aims: z
      .array(AwardTypeId)
      .max(10)
      .refine((xs) => new Set(xs).size === xs.length, { message: "An award type is listed twice" })
      .meta({ uniqueItems: true }),
  })
  .meta({ id: "Registration" });
export type Registration = z.infer<typeof Registration>;

export const RegisterInput = Registration.extend({ version: ReadVersion });

export const ReportInput = z.object({
  /** Progress at mid-year, one item per point. */
  items: z.array(Item).min(1).max(30),
  version: ReadVersion,
});

export const SummaryInput = z.object({
  text: textField({ min: 1, max: 20_000, multiline: true }),
  /** Published to the members; a draft otherwise. */
  publish: z.boolean().default(false),
  version: ReadVersion,
});

/** A signature, a filing, a publication: who, when. */
export const Signed = z.object({ at: z.string(), by: z.string(), byName: z.string() }).meta({ id: "Signed" });
export type Signed = z.infer<typeof Signed>;

/** The leader's mid-year summary, a draft until published. */
export const MidYearSummary = z
  .object({ text: z.string(), updated: Signed, published: Signed.optional() })
  .meta({ id: "MidYearSummary" });
export type MidYearSummary = z.infer<typeof MidYearSummary>;

/** The draft of the summary, assembled from the members' reports in the bloc's order. */
export function summaryDraft(reports: readonly { unitName: string; items: readonly string[] }[]): string {
  return reports.map((r) => [r.unitName, ...r.items.map((item) => `- ${item}`)].join("\n")).join("\n\n");
}

/** The outgoing leader's handover to the next: the seats taken for next year, what was handed over. */
export const Handover = z
  .object({
    leaderUnitId: z.string(),
    deputyUnitIds: z.array(z.string()),
    /** What was handed over: records, the leader's flag. */
    note: z.string(),
    at: z.string(),
    by: z.string(),
    byName: z.string(),
  })
  .meta({ id: "Handover" });
export type Handover = z.infer<typeof Handover>;

export const HandoverInput = z.object({
  note: textField({ min: 3, max: 2000, multiline: true }),
  /** The version of next year as read (0 when nothing was saved for it). */
  nextYearVersion: ReadVersion,
});
