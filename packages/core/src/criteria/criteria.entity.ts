/**
 * One saved version of a bloc's criteria table. Created once, never changed:
 * an edit is a new version, so a bloc-year that opened with an older one keeps it.
 */
export const criteriaSchema = {
  model: { entity: "criteria", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true, readOnly: true, padding: { length: 6, char: "0" } },
    /** The CriteriaTable as saved. */
    table: { type: "any", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    /** The user id of the board member who saved it. */
    createdBy: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byVersion: {
      pk: { field: "pk", composite: ["tenantId", "blocId"], template: "T#${tenantId}#BLOC#${blocId}", casing: "none" },
      sk: { field: "sk", composite: ["version"], template: "CRITERIA#${version}", casing: "none" },
    },
  },
} as const;
