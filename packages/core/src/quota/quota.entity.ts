import { quotaModes, quotaRoundings } from "./quota.rules.ts";

/**
 * One bloc's award quotas for a year, beside the bloc-year in the bloc's partition.
 * Only the award types the board set are stored; the others take their default.
 */
export const quotaSchema = {
  model: { entity: "quota", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    items: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          awardTypeId: { type: "string", required: true },
          mode: { type: quotaModes, required: true },
          value: { type: "number", required: true },
          rounding: { type: quotaRoundings, required: true },
        },
      },
    },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byBlocYear: {
      pk: { field: "pk", composite: ["tenantId", "blocId"], template: "T#${tenantId}#BLOC#${blocId}", casing: "none" },
      sk: { field: "sk", composite: ["year"], template: "YEAR#${year}#QUOTAS", casing: "none" },
    },
  },
} as const;
