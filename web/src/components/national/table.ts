import { compareVietnamese, matchesSearch } from "@thidua/core/text";
import { activityOf, type ProvinceRow, progressOf } from "./provinces.ts";

export const sortKeys = [
  "name",
  "status",
  "units",
  "blocs",
  "progress",
  "duties",
  "ballots",
  "proposals",
  "awards",
  "lastActivity",
] as const;
export type SortKey = (typeof sortKeys)[number];
export type Direction = "asc" | "desc";
export interface Sort {
  key: SortKey;
  direction: Direction;
}

export const defaultSort: Sort = { key: "name", direction: "asc" };

const statusOrder = { active: 0, suspended: 1, archived: 2, erased: 3 } as const;

/** What each column sorts by; undefined sorts last whichever the direction (a province without activity). */
const sortValue: Record<Exclude<SortKey, "name">, (row: ProvinceRow) => number | string | undefined> = {
  status: (row) => (row.status ? statusOrder[row.status] : undefined),
  units: (row) => row.units,
  blocs: (row) => row.blocs + row.clusters,
  progress: (row) => progressOf(row),
  duties: (row) => activityOf(row),
  ballots: (row) => row.ballots,
  proposals: (row) => row.proposals,
  awards: (row) => row.awards,
  lastActivity: (row) => row.lastActivity,
};

/** Names first A→Z; figures first largest: the order a first click on a column most likely wants. */
export const firstDirection = (key: SortKey): Direction => (key === "name" || key === "status" ? "asc" : "desc");

/** The next sort after a click on a column's header: the same column turns around, another starts fresh. */
export const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key
    ? { key, direction: current.direction === "asc" ? "desc" : "asc" }
    : { key, direction: firstDirection(key) };

/** Sorted by one column, ties in Vietnamese order of names (then ids, so the order is always the same). */
export function sortRows(rows: readonly ProvinceRow[], { key, direction }: Sort): ProvinceRow[] {
  const sign = direction === "asc" ? 1 : -1;
  const byName = (a: ProvinceRow, b: ProvinceRow) =>
    compareVietnamese(a.name, b.name) || (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0);
  if (key === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  const value = sortValue[key];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined || y === undefined) return x === y ? byName(a, b) : x === undefined ? 1 : -1;
    const order =
      typeof x === "number" && typeof y === "number"
        ? x - y
        : String(x) < String(y)
          ? -1
          : String(x) > String(y)
            ? 1
            : 0;
    return sign * order || byName(a, b);
  });
}

/** Provinces whose name (or id) holds every word typed, diacritics and case ignored: "quang tri" finds Quảng Trị. */
export const filterRows = (rows: readonly ProvinceRow[], query: string): ProvinceRow[] =>
  rows.filter((row) => matchesSearch(`${row.name} ${row.tenantId}`, query));
