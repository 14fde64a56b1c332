import { z } from "zod";
import { blocYearStatuses } from "../bloc/bloc.rules.ts";

/**
 * One province's figures for one year, recomputed from its own data each time
 * (never incremented), so a replayed or duplicated batch of changes gives the
 * same result.
 */
export const NationalFigures = z
  .object({
    units: z.number().int(),
    /** Units under discipline that year. */
    disciplinedUnits: z.number().int(),
    blocs: z.number().int(),
    clusters: z.number().int(),
    /** Units that are members of a bloc or cluster that year. */
    memberUnits: z.number().int(),
    /** The year's bloc-years by status; a bloc without one that year counts as planning. */
    blocYears: z.record(z.enum(blocYearStatuses), z.number().int()),
  })
  .meta({ id: "NationalFigures" });
export type NationalFigures = z.infer<typeof NationalFigures>;

export interface ProvinceFacts {
  units: ReadonlyArray<{ discipline: Record<string, string> }>;
  blocs: ReadonlyArray<{ blocId: string; kind: "bloc" | "cluster" }>;
  /** The year's bloc-years that exist. */
  blocYears: ReadonlyArray<{ blocId: string; status: (typeof blocYearStatuses)[number] }>;
  memberships: number;
}

export function figuresOf(facts: ProvinceFacts, year: number): NationalFigures {
  const status = new Map(facts.blocYears.map((y) => [y.blocId, y.status]));
  const blocYears = { planning: 0, open: 0, closed: 0 };
  for (const bloc of facts.blocs) blocYears[status.get(bloc.blocId) ?? "planning"]++;
  return {
    units: facts.units.length,
    disciplinedUnits: facts.units.filter((u) => u.discipline[String(year)] !== undefined).length,
    blocs: facts.blocs.filter((b) => b.kind === "bloc").length,
    clusters: facts.blocs.filter((b) => b.kind === "cluster").length,
    memberUnits: facts.memberships,
    blocYears,
  };
}

/** Vietnam's offset (no daylight saving): a change made on 1 January at 06:00 there belongs to the new year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The years whose figures a changed item can move: its own `year` when it has one; else (a unit, a bloc)
 * the year of the change in Vietnam and the one before, whose review, scoring and discipline run into
 * the first months of the next.
 */
export function yearsOfChange(ownYear: number | undefined, changedAtMs: number): number[] {
  if (ownYear !== undefined && Number.isInteger(ownYear) && ownYear > 1900 && ownYear < 3000) return [ownYear];
  const year = new Date(changedAtMs + VIETNAM_OFFSET_MS).getUTCFullYear();
  return [year - 1, year];
}
