import { z } from "zod";
import { QuotaSetting } from "../quota/quota.rules.ts";

/** Why a member of last year is not carried into the next one. */
export const skipReasons = ["archived", "in_other_bloc", "deleted"] as const;

/** What preparing a year from the one before will write, shown before it is written. */
export const RolloverPreview = z
  .object({
    /** The year copied from: the one before. */
    from: z.number().int(),
    year: z.number().int(),
    /** The members carried over, in last year's order. */
    memberUnitIds: z.array(z.string()),
    /** Last year's members left out, with why. */
    skipped: z.array(z.object({ unitId: z.string(), reason: z.enum(skipReasons) })),
    /** Last year's quotas, counts capped at the members carried over. */
    quotas: z.array(QuotaSetting),
    /** Last year's leader: seats are chosen again each year (rotation), never copied. */
    previousLeaderUnitId: z.string().optional(),
  })
  .meta({ id: "RolloverPreview" });
export type RolloverPreview = z.infer<typeof RolloverPreview>;

/** Last year's members split into those carried over and those left out. */
export function carriedMembers(
  members: readonly string[],
  facts: { archived: ReadonlySet<string>; known: ReadonlySet<string>; elsewhere: ReadonlySet<string> },
): Pick<RolloverPreview, "memberUnitIds" | "skipped"> {
  const skipped: RolloverPreview["skipped"] = [];
  const memberUnitIds = members.filter((unitId) => {
    const reason = !facts.known.has(unitId)
      ? "deleted"
      : facts.archived.has(unitId)
        ? "archived"
        : facts.elsewhere.has(unitId)
          ? "in_other_bloc"
          : undefined;
    if (reason) skipped.push({ unitId, reason });
    return reason === undefined;
  });
  return { memberUnitIds, skipped };
}

/**
 * Quotas as last year set them, for the award types still in use; a count above the members carried over
 * is capped at their number.
 */
export const carriedQuotas = (
  quotas: readonly QuotaSetting[],
  memberCount: number,
  active: ReadonlySet<string>,
): QuotaSetting[] =>
  quotas
    .filter((q) => active.has(q.awardTypeId))
    .map((q) => (q.mode === "count" && q.value > memberCount ? { ...q, value: memberCount } : q));
