import { z } from "zod";
import { blocYearStatuses } from "../bloc/bloc.rules.ts";
import { MoveTarget, phases } from "../cycle/cycle.rules.ts";
import { proposalStatuses } from "../proposal/proposal.rules.ts";
import { compareVietnamese } from "../text/index.ts";

/**
 * One province's figures for one year, recomputed from its own data each time (never incremented), so a
 * replayed or duplicated batch of changes gives the same result.
 */

/** Members' duties done across the year's launched bloc-years. */
const Duties = z.object({
  registered: z.number().int(),
  signed: z.number().int(),
  reported: z.number().int(),
  submitted: z.number().int(),
  locked: z.number().int(),
});
export type Duties = z.infer<typeof Duties>;

/** One bloc or cluster that year: where its year stands and how far its members are (the drill-down). */
export const NationalBlocRow = z
  .object({
    blocId: z.string(),
    name: z.string(),
    kind: z.enum(["bloc", "cluster"]),
    status: z.enum(blocYearStatuses),
    /** Once launched: the phase, or "closed". */
    phase: MoveTarget.optional(),
    members: z.number().int(),
    duties: Duties,
    /** Proposals holding a slot (proposed, returned, approved). */
    proposals: z.number().int(),
    approved: z.number().int(),
  })
  .meta({ id: "NationalBlocRow" });
export type NationalBlocRow = z.infer<typeof NationalBlocRow>;

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
    /** Launched bloc-years by phase ("closed" last). */
    phases: z.record(MoveTarget, z.number().int()),
    duties: Duties,
    /** Ballots of the year's conferences. */
    ballots: z.object({ open: z.number().int(), closed: z.number().int() }),
    /** Proposals by award type, then by status; approved ones are the year's awards. */
    proposals: z.record(z.string(), z.partialRecord(z.enum(proposalStatuses), z.number().int())),
    /** When someone last changed anything in the province (its audit trail). */
    lastActivity: z.string().optional(),
    /** Per bloc or cluster, in the province's order of names. */
    blocRows: z.array(NationalBlocRow),
  })
  .meta({ id: "NationalFigures" });
export type NationalFigures = z.infer<typeof NationalFigures>;

export const NationalSummary = z
  .object({
    tenantId: z.string(),
    year: z.number().int(),
    figures: NationalFigures,
    /** When the figures were computed: a summary is never replaced by one computed earlier. */
    updatedAt: z.string(),
  })
  .meta({ id: "NationalSummary" });
export type NationalSummary = z.infer<typeof NationalSummary>;

/** Every province's figures of a year, without the per-bloc rows (the drill-down has them). */
export const NationalOverview = z
  .object({
    year: z.number().int(),
    items: z.array(NationalSummary.extend({ figures: NationalFigures.omit({ blocRows: true }) })),
  })
  .meta({ id: "NationalOverview" });
export type NationalOverview = z.infer<typeof NationalOverview>;

/** What a member's part of a year records, as far as the figures go. */
export interface PartFacts {
  registration?: unknown;
  covenant?: unknown;
  report?: unknown;
  scores?: { submitted?: unknown };
  verification?: { locked?: unknown };
}

export interface BlocYearFacts {
  blocId: string;
  status: (typeof blocYearStatuses)[number];
  phase?: (typeof phases)[number];
  memberUnitIds: readonly string[];
}

export interface ProvinceFacts {
  units: ReadonlyArray<{ discipline: Record<string, string> }>;
  blocs: ReadonlyArray<{ blocId: string; name: string; kind: "bloc" | "cluster"; archived?: boolean }>;
  /** The year's bloc-years that exist. */
  blocYears: ReadonlyArray<BlocYearFacts>;
  memberships: number;
  /** Members' parts of each launched bloc-year, by bloc. */
  parts?: ReadonlyMap<string, readonly PartFacts[]>;
  ballots?: ReadonlyArray<{ status: "open" | "closed" }>;
  proposals?: ReadonlyArray<{ blocId: string; awardTypeId: string; status: (typeof proposalStatuses)[number] }>;
  lastActivity?: string;
}

const noDuties = (): Duties => ({ registered: 0, signed: 0, reported: 0, submitted: 0, locked: 0 });

function dutiesOf(parts: readonly PartFacts[]): Duties {
  const d = noDuties();
  for (const p of parts) {
    if (p.registration) d.registered++;
    if (p.covenant) d.signed++;
    if (p.report) d.reported++;
    if (p.scores?.submitted) d.submitted++;
    if (p.verification?.locked) d.locked++;
  }
  return d;
}

const addDuties = (a: Duties, b: Duties): Duties => ({
  registered: a.registered + b.registered,
  signed: a.signed + b.signed,
  reported: a.reported + b.reported,
  submitted: a.submitted + b.submitted,
  locked: a.locked + b.locked,
});

const holding = new Set(["proposed", "returned", "approved"]);

export function figuresOf(facts: ProvinceFacts, year: number): NationalFigures {
  const byBloc = new Map(facts.blocYears.map((y) => [y.blocId, y]));
  const blocYears = { planning: 0, open: 0, closed: 0 };
  const phaseCounts: Record<string, number> = Object.fromEntries([...phases, "closed"].map((p) => [p, 0]));
  const proposals: NationalFigures["proposals"] = {};
  for (const p of facts.proposals ?? []) {
    const row = proposals[p.awardTypeId] ?? {};
    row[p.status] = (row[p.status] ?? 0) + 1;
    proposals[p.awardTypeId] = row;
  }
  // An archived bloc counts only for a year it has (its history stays); blocs in Vietnamese order.
  const blocs = facts.blocs
    .filter((b) => !b.archived || byBloc.has(b.blocId))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const rows = blocs.map((bloc): NationalBlocRow => {
    const y = byBloc.get(bloc.blocId);
    const status = y?.status ?? "planning";
    blocYears[status]++;
    const launched = y && status !== "planning";
    const phase = launched ? (status === "closed" ? "closed" : (y.phase ?? "registration")) : undefined;
    if (phase) phaseCounts[phase] = (phaseCounts[phase] ?? 0) + 1;
    const own = (facts.proposals ?? []).filter((p) => p.blocId === bloc.blocId);
    return {
      blocId: bloc.blocId,
      name: bloc.name,
      kind: bloc.kind,
      status,
      ...(phase ? { phase } : {}),
      members: y?.memberUnitIds.length ?? 0,
      duties: dutiesOf(facts.parts?.get(bloc.blocId) ?? []),
      proposals: own.filter((p) => holding.has(p.status)).length,
      approved: own.filter((p) => p.status === "approved").length,
    };
  });
  const ballots = facts.ballots ?? [];
  return {
    units: facts.units.length,
    disciplinedUnits: facts.units.filter((u) => u.discipline[String(year)] !== undefined).length,
    blocs: blocs.filter((b) => b.kind === "bloc").length,
    clusters: blocs.filter((b) => b.kind === "cluster").length,
    memberUnits: facts.memberships,
    blocYears,
    phases: phaseCounts as NationalFigures["phases"],
    duties: rows.reduce((sum, r) => addDuties(sum, r.duties), noDuties()),
    ballots: {
      open: ballots.filter((b) => b.status === "open").length,
      closed: ballots.filter((b) => b.status === "closed").length,
    },
    proposals,
    ...(facts.lastActivity ? { lastActivity: facts.lastActivity } : {}),
    blocRows: rows,
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
