import { holdingStatuses, type Proposal } from "@thidua/core/proposal/rules";
import type { BlocQuotas } from "@thidua/core/quota/rules";

/** One award type's quota in a bloc-year and the slots its proposals hold: "1/1 đã dùng". */
export interface QuotaUse {
  awardTypeId: string;
  /** The bloc-year's quota of the award (the API's `resulting`). */
  limit: number;
  /** Proposals holding a slot: proposed, returned (revised on the same slot) or approved. */
  used: number;
  left: number;
}

/**
 * Quota usage per award type, in the quota lines' order (the award types'); a type the lines no longer
 * list (made inactive) but which proposals still hold comes last, with no quota.
 */
export function quotaUsage(
  lines: readonly Pick<BlocQuotas["items"][number], "awardTypeId" | "resulting">[],
  proposals: readonly Pick<Proposal, "awardTypeId" | "status">[],
): QuotaUse[] {
  const held = new Map<string, number>();
  for (const p of proposals)
    if (holdingStatuses.includes(p.status)) held.set(p.awardTypeId, (held.get(p.awardTypeId) ?? 0) + 1);
  const use = (awardTypeId: string, limit: number): QuotaUse => {
    const used = held.get(awardTypeId) ?? 0;
    return { awardTypeId, limit, used, left: Math.max(0, limit - used) };
  };
  const listed = lines.map((line) => use(line.awardTypeId, line.resulting));
  const unlisted = [...held.keys()].filter((id) => !lines.some((l) => l.awardTypeId === id)).map((id) => use(id, 0));
  return [...listed, ...unlisted];
}

/** What the meters show: award types the bloc may propose, or holds proposals of. */
export const shownUsage = (usage: readonly QuotaUse[]): QuotaUse[] => usage.filter((u) => u.limit > 0 || u.used > 0);
