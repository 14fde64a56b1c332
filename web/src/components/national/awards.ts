import { builtInAwardTypes } from "@thidua/core/award/rules";
import { proposalStatuses } from "@thidua/core/proposal/rules";
import type { OverviewFigures } from "../../api/national.ts";

const builtIn = new Map(builtInAwardTypes.map((type) => [type.awardTypeId, type]));

/**
 * An award type's name as the national viewer can know it: the national view never reads a province's
 * own award types, so a built-in one has its name and a province's own shows its id.
 */
export const awardName = (awardTypeId: string): string => builtIn.get(awardTypeId)?.name ?? awardTypeId;

/** Built-in types in their usual order (provincial flag first), then the provinces' own by id. */
export function compareAwardTypes(a: string, b: string): number {
  const order = (id: string) => builtIn.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  return order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export type ProposalStatus = (typeof proposalStatuses)[number];

/** The status columns of the drill-down, the decided ones last. */
export const statusColumns: readonly ProposalStatus[] = ["proposed", "returned", "approved", "rejected", "withdrawn"];

export interface AwardLine {
  awardTypeId: string;
  name: string;
  counts: Record<ProposalStatus, number>;
  total: number;
}

/** A province's proposals as one line per award type with a count per status, in award order. */
export function awardLines(proposals: OverviewFigures["proposals"]): AwardLine[] {
  return Object.keys(proposals)
    .sort(compareAwardTypes)
    .map((awardTypeId) => {
      const given = proposals[awardTypeId] ?? {};
      const counts = Object.fromEntries(proposalStatuses.map((s) => [s, given[s] ?? 0])) as Record<
        ProposalStatus,
        number
      >;
      return {
        awardTypeId,
        name: awardName(awardTypeId),
        counts,
        total: proposalStatuses.reduce((n, s) => n + counts[s], 0),
      };
    });
}
