import { type Proposal, type ProposalStatus, proposalStatuses } from "@thidua/core/proposal/rules";
import { matchesSearch } from "@thidua/core/text";

/** The board's filters: a status ("proposed", waiting for a decision, by default), a bloc, an award type, a unit's name. */
export interface QueueFilter {
  status: ProposalStatus | "all";
  /** "" for every bloc. */
  blocId: string;
  /** "" for every award type. */
  awardTypeId: string;
  /** Words of the unit's name, diacritics ignored ("bao an giang" finds "Báo An Giang"). */
  search: string;
}

export const defaultFilter: QueueFilter = { status: "proposed", blocId: "", awardTypeId: "", search: "" };

type Row = Pick<Proposal, "status" | "blocId" | "awardTypeId" | "unitId">;

/** Every filter but the status: what the status counts are counted over. */
const matchesOthers = (p: Row, filter: QueueFilter, unitName: (unitId: string) => string) =>
  (!filter.blocId || p.blocId === filter.blocId) &&
  (!filter.awardTypeId || p.awardTypeId === filter.awardTypeId) &&
  matchesSearch(unitName(p.unitId), filter.search);

export function filterQueue<R extends Row>(
  rows: readonly R[],
  filter: QueueFilter,
  unitName: (unitId: string) => string,
): R[] {
  return rows.filter(
    (p) => (filter.status === "all" || p.status === filter.status) && matchesOthers(p, filter, unitName),
  );
}

/** How many rows each status would show with the other filters as they are ("Chờ duyệt (3)"), and all of them. */
export function statusCounts(
  rows: readonly Row[],
  filter: QueueFilter,
  unitName: (unitId: string) => string,
): Record<ProposalStatus | "all", number> {
  const counts = Object.fromEntries([...proposalStatuses, "all"].map((s) => [s, 0])) as Record<
    ProposalStatus | "all",
    number
  >;
  for (const p of rows)
    if (matchesOthers(p, filter, unitName)) {
      counts[p.status] += 1;
      counts.all += 1;
    }
  return counts;
}

/**
 * The queue in the order of a proposal list: by bloc, then award type (the province's order), then unit,
 * each by the comparators given (names in Vietnamese order).
 */
export function sortQueue<R extends Row>(
  rows: readonly R[],
  compare: {
    bloc: (a: string, b: string) => number;
    award: (a: string, b: string) => number;
    unit: (a: string, b: string) => number;
  },
): R[] {
  return [...rows].sort(
    (a, b) =>
      compare.bloc(a.blocId, b.blocId) ||
      compare.award(a.awardTypeId, b.awardTypeId) ||
      compare.unit(a.unitId, b.unitId),
  );
}
