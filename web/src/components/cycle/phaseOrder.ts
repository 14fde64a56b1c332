import { type MoveTarget, phases } from "@thidua/core/cycle/rules";

/** The order of phases, "closed" last: to ask whether a year has reached a phase. */
export const phaseIndex = (phase: MoveTarget): number => (phase === "closed" ? phases.length : phases.indexOf(phase));
export const reached = (phase: MoveTarget, step: MoveTarget): boolean => phaseIndex(phase) >= phaseIndex(step);
