/**
 * One province's figures for one year, under the national partition `N#<year>`
 * (written by the aggregator only). The national page reads one partition,
 * whatever the number of provinces.
 */
export const nationalSummarySchema = {
  model: { entity: "nationalSummary", version: "1", service: "thidua" },
  attributes: {
    year: { type: "number", required: true, readOnly: true },
    tenantId: { type: "string", required: true, readOnly: true },
    /** The figures, recomputed from the province's own data (see national.rules.ts). */
    figures: { type: "any", required: true },
    /** When the figures were computed; a write never replaces a summary computed later. */
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["year"], template: "N#${year}", casing: "none" },
      sk: { field: "sk", composite: ["tenantId"], template: "TENANT#${tenantId}", casing: "none" },
    },
  },
} as const;
