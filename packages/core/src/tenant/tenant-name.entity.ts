/**
 * A province's name, held by one province as names are compared (case, diacritics and spacing aside);
 * written in the same transaction as the onboarding or rename that takes it.
 */
export const tenantNameSchema = {
  model: { entity: "tenantName", version: "1", service: "thidua" },
  attributes: {
    nameKey: { type: "string", required: true, readOnly: true },
    tenantId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byName: {
      pk: { field: "pk", composite: ["nameKey"], template: "P#TENANTNAME#${nameKey}", casing: "none" },
      sk: { field: "sk", composite: [], template: "NAME", casing: "none" },
    },
  },
} as const;
