import { compareAwardTypes } from "./awards.ts";
import { activityOf, type ProvinceRow, type Stage, stages } from "./provinces.ts";

/** One province's bar: its name and a count per series key. */
export type ChartDatum = { tenantId: string; name: string } & Record<string, number | string>;

/** Approved proposals by award type, one stacked bar per province that has any; the types in award order. */
export function awardsChart(rows: readonly ProvinceRow[]): { data: ChartDatum[]; types: string[] } {
  const withAwards = rows.filter((row) => row.awards > 0);
  const types = [...new Set(withAwards.flatMap((row) => Object.keys(row.awardsByType)))].sort(compareAwardTypes);
  const data = withAwards.map((row) => ({
    tenantId: row.tenantId,
    name: row.name,
    ...Object.fromEntries(types.map((type) => [type, row.awardsByType[type] ?? 0])),
  }));
  return { data, types };
}

/** Bloc-years by stage, one stacked bar per province with blocs; only the stages some province is at. */
export function progressChart(rows: readonly ProvinceRow[]): { data: ChartDatum[]; stages: Stage[] } {
  const withBlocs = rows.filter((row) => row.blocs + row.clusters > 0);
  const present = stages.filter((stage) => withBlocs.some((row) => row.stages[stage] > 0));
  const data = withBlocs.map((row) => ({
    tenantId: row.tenantId,
    name: row.name,
    ...Object.fromEntries(present.map((stage) => [stage, row.stages[stage]])),
  }));
  return { data, stages: present };
}

export interface ActivityBar {
  tenantId: string;
  name: string;
  /** Percent of the year's duties done, 0–100, one decimal. */
  percent: number;
}

/** Provinces with member units, the most active first (ties keep the table's order). */
export function activityChart(rows: readonly ProvinceRow[]): ActivityBar[] {
  return rows
    .filter((row) => row.memberUnits > 0)
    .map((row) => ({ tenantId: row.tenantId, name: row.name, percent: Math.round(activityOf(row) * 1000) / 10 }))
    .sort((a, b) => b.percent - a.percent);
}
