/**
 * The province's quotas of one year, as a revision number: every quota save of that year moves it under
 * a version condition, so two saves that each fit the government-flag cap cannot together go over it
 * (one item in the transaction, however many blocs the province has).
 */
export const quotaRevisionSchema = {
  model: { entity: "quotaRevision", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#QUOTAREVISIONS", casing: "none" },
      sk: { field: "sk", composite: ["year"], template: "YEAR#${year}", casing: "none" },
    },
  },
} as const;
