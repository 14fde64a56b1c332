/** A province's letterhead settings: one item, beside nothing else in its partition. */
export const letterheadSchema = {
  model: { entity: "letterhead", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    letterhead: { type: "any", required: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    settings: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#SETTINGS", casing: "none" },
      sk: { field: "sk", composite: [], template: "LETTERHEAD", casing: "none" },
    },
  },
} as const;
