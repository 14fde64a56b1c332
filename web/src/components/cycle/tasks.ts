import { dutyPhases } from "@thidua/core/cycle/rules";
import type { CycleView, Deadlines, MoveTarget, Participation } from "../../api/cycle.ts";

/** What a member unit has to do now in its year, in the order the year asks it. */
export type UnitStep = "register" | "sign" | "report" | "score" | "verify" | "wait" | "conference" | "results";

/** Where on the year page each step is done: the tab and the section the button leads to. */
export const stepTarget: Record<UnitStep, { tab: "unit" | "scores" | "ranking" | "conference"; section?: string }> = {
  register: { tab: "unit", section: "registration" },
  sign: { tab: "unit", section: "covenant" },
  report: { tab: "unit", section: "report" },
  score: { tab: "unit", section: "score-sheet" },
  verify: { tab: "scores" },
  wait: { tab: "unit" },
  conference: { tab: "conference" },
  results: { tab: "ranking" },
};

/** The sheets assigned to `unitId` to verify that are not locked yet. */
export const sheetsToVerify = (view: Pick<CycleView, "participations">, unitId: string): Participation[] =>
  view.participations.filter((p) => p.verification?.scorerUnitId === unitId && !p.verification.locked);

/**
 * The one next step of a member: register, then sign (the covenant can be signed late, whatever the phase),
 * report at mid-year, score and submit, verify the sheets assigned to it; otherwise wait; once ranked, the
 * year-end conference (its votes); once closed, the results.
 */
export function unitStep(phase: MoveTarget, own: Participation | undefined, toVerify: number): UnitStep {
  if (phase === "ranked") return "conference";
  if (phase === "closed") return "results";
  if (phase === "registration" && !own?.registration) return "register";
  if (!own?.covenant) return "sign";
  if (phase === "mid_year_review" && !own.report) return "report";
  if (phase === "scoring" && !own.scores?.submitted) return "score";
  if ((phase === "scoring" || phase === "verification") && toVerify > 0) return "verify";
  return "wait";
}

/** Whether a phase asks something of every member, and so may have a deadline. */
export const hasDuties = (phase: MoveTarget): boolean => (dutyPhases as readonly string[]).includes(phase);

/** The deadline of the phase the year is in, if it has one. */
export const currentDeadline = (phase: MoveTarget, deadlines: Deadlines | undefined): string | undefined =>
  deadlines?.[phase as keyof Deadlines];
