/**
 * A member unit's part in one bloc-year: registration, covenant signature, mid-year report, score sheet
 * and its verification. All members of a bloc-year share one partition, so the leader's grid, the
 * progress view and the ranking each come back in one query.
 */
/** The partition of one bloc-year: its members' parts and its ballots, read together. */
export const yearPartition = {
  field: "pk",
  composite: ["tenantId", "blocId", "year"],
  template: "T#${tenantId}#CYCLE#${blocId}#${year}",
  casing: "none",
} as const;

export const participationSchema = {
  model: { entity: "participation", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    unitId: { type: "string", required: true, readOnly: true },
    /** Registration & Signed (who filed it). */
    registration: { type: "any" },
    /** Signed: the covenant. */
    covenant: { type: "any" },
    /** { items, filed: Signed }: the mid-year report. */
    report: { type: "any" },
    /** ScoreSheet: the unit's own lines and their submission. */
    scores: { type: "any" },
    /** Verification: who verifies, recusals, verified lines, the lock. */
    verification: { type: "any" },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byYear: {
      pk: yearPartition,
      sk: { field: "sk", composite: ["unitId"], template: "UNIT#${unitId}", casing: "none" },
    },
  },
} as const;
