/**
 * The province's one import at a time: created with a condition (none, or the last one's has expired)
 * before a job starts, deleted when it ends, so two imports started together cannot both run.
 */
export const importLockSchema = {
  model: { entity: "importLock", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    importId: { type: "string", required: true, readOnly: true },
    /** After this a lock left by a dead process no longer holds. */
    expiresAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTenant: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#IMPORTS", casing: "none" },
      sk: { field: "sk", composite: [], template: "LOCK", casing: "none" },
    },
  },
} as const;
