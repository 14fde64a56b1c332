import { phases } from "@thidua/core/cycle/rules";
import type { Duties, OverviewFigures, OverviewItem } from "../../api/national.ts";
import type { Tenant } from "../../api/tenants.ts";

/** Where a bloc's year stands: not launched yet, a phase, or closed (the order of the year). */
export const stages = ["planning", ...phases, "closed"] as const;
export type Stage = (typeof stages)[number];

/** The members' duties of a year, in the order they fall due. */
export const dutyKeys = [
  "registered",
  "signed",
  "reported",
  "submitted",
  "locked",
] as const satisfies readonly (keyof Duties)[];

/** Proposals that hold a slot (as the bloc rows count them): proposed, returned, approved. */
const holding = ["proposed", "returned", "approved"] as const;

/** One province's line of the national table: its figures flattened, zeros when it has none that year. */
export interface ProvinceRow {
  tenantId: string;
  name: string;
  /** From the registry; undefined for a summary whose province the registry no longer lists. */
  status: Tenant["status"] | undefined;
  hasData: boolean;
  units: number;
  memberUnits: number;
  blocs: number;
  clusters: number;
  stages: Record<Stage, number>;
  duties: Duties;
  ballots: number;
  proposals: number;
  awards: number;
  /** Approved proposals by award type. */
  awardsByType: Record<string, number>;
  /** Proposals by award type, then status (the figures as they are). */
  proposalsByType: OverviewFigures["proposals"];
  lastActivity?: string;
  updatedAt?: string;
}

const zeroStages = (): Record<Stage, number> => Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
const zeroDuties = (): Duties => ({ registered: 0, signed: 0, reported: 0, submitted: 0, locked: 0 });

const sum = (values: Iterable<number | undefined>) => {
  let total = 0;
  for (const v of values) total += v ?? 0;
  return total;
};

function rowOf(tenantId: string, name: string, status: ProvinceRow["status"], item?: OverviewItem): ProvinceRow {
  const f = item?.figures;
  const byStage = zeroStages();
  if (f) {
    byStage.planning = f.blocYears.planning ?? 0;
    for (const stage of stages) if (stage !== "planning") byStage[stage] = f.phases[stage] ?? 0;
  }
  const proposals = f?.proposals ?? {};
  const awardsByType = Object.fromEntries(
    Object.entries(proposals)
      .map(([type, counts]) => [type, counts.approved ?? 0] as const)
      .filter(([, n]) => n > 0),
  );
  return {
    tenantId,
    name,
    status,
    hasData: f !== undefined,
    units: f?.units ?? 0,
    memberUnits: f?.memberUnits ?? 0,
    blocs: f?.blocs ?? 0,
    clusters: f?.clusters ?? 0,
    stages: byStage,
    duties: f ? { ...zeroDuties(), ...f.duties } : zeroDuties(),
    ballots: f ? f.ballots.open + f.ballots.closed : 0,
    proposals: sum(Object.values(proposals).flatMap((counts) => holding.map((s) => counts[s]))),
    awards: sum(Object.values(awardsByType)),
    awardsByType,
    proposalsByType: proposals,
    ...(f?.lastActivity ? { lastActivity: f.lastActivity } : {}),
    ...(item ? { updatedAt: item.updatedAt } : {}),
  };
}

/**
 * Every province of the registry with its figures of the year (zeros when it has none yet), and any
 * summary of a province the registry does not list. An archived (or erased) province shows only for a year it has
 * figures: its history stays under its former name (Ninh Thuận before 2025), its empty years do not.
 */
export function provinceRows(items: readonly OverviewItem[], tenants: readonly Tenant[]): ProvinceRow[] {
  const byTenant = new Map(items.map((item) => [item.tenantId, item]));
  const rows = tenants
    .filter((tenant) => tenant.status === "active" || tenant.status === "suspended" || byTenant.has(tenant.tenantId))
    .map((tenant) => rowOf(tenant.tenantId, tenant.name, tenant.status, byTenant.get(tenant.tenantId)));
  const listed = new Set(tenants.map((tenant) => tenant.tenantId));
  for (const item of items)
    if (!listed.has(item.tenantId)) rows.push(rowOf(item.tenantId, item.tenantId, undefined, item));
  return rows;
}

/** How far a province's year has gone, 0 (nothing launched) to 1 (every bloc closed): the mean stage. */
export function progressOf(row: Pick<ProvinceRow, "stages">): number {
  const total = sum(Object.values(row.stages));
  if (total === 0) return 0;
  const last = stages.length - 1;
  return sum(stages.map((stage, index) => row.stages[stage] * index)) / (total * last);
}

/**
 * The members' duties done, out of all a year asks (five per member unit): the activity ranking's measure.
 * Capped at 1: a unit in two blocs has duties in both but counts once among member units.
 */
export function activityOf(row: Pick<ProvinceRow, "duties" | "memberUnits">): number {
  if (row.memberUnits === 0) return 0;
  return Math.min(1, sum(dutyKeys.map((k) => row.duties[k])) / (row.memberUnits * dutyKeys.length));
}

export interface NationalTotals {
  provinces: number;
  withData: number;
  units: number;
  blocs: number;
  clusters: number;
  stages: Record<Stage, number>;
  ballots: number;
  proposals: number;
  awards: number;
}

/** The country's figures: the provinces' rows added up. */
export function totalsOf(rows: readonly ProvinceRow[]): NationalTotals {
  const byStage = zeroStages();
  for (const row of rows) for (const stage of stages) byStage[stage] += row.stages[stage];
  const add = (pick: (row: ProvinceRow) => number) => sum(rows.map(pick));
  return {
    provinces: rows.length,
    withData: rows.filter((row) => row.hasData).length,
    units: add((r) => r.units),
    blocs: add((r) => r.blocs),
    clusters: add((r) => r.clusters),
    stages: byStage,
    ballots: add((r) => r.ballots),
    proposals: add((r) => r.proposals),
    awards: add((r) => r.awards),
  };
}

/** Where one bloc's year stands: not launched (planning), its phase, or closed. */
export function stageOf(row: { status: "planning" | "open" | "closed"; phase?: Exclude<Stage, "planning"> }): Stage {
  if (row.status === "planning") return "planning";
  if (row.status === "closed") return "closed";
  return row.phase ?? "registration";
}
