/**
 * A unit's name, reserved: one item per name as users compare names (case and diacritics aside), created
 * in the same transaction as the unit (or its rename), so two units cannot share a name, however close
 * together they are created.
 */
export const unitNameSchema = {
  model: { entity: "unitName", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    /** The name folded: lowercase, without diacritics, single spaces (see foldVietnamese). */
    nameKey: { type: "string", required: true, readOnly: true },
    unitId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byName: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#UNITNAMES", casing: "none" },
      sk: { field: "sk", composite: ["nameKey"], template: "NAME#${nameKey}", casing: "none" },
    },
  },
} as const;
