/**
 * Which job moves a province now: one at a time, so an export never reads a province an erase is deleting,
 * nor two imports write the same one. Taken when a driver claims its job (in the same transaction), held
 * until `until` (extended by the driver's heartbeat), given back when the job ends.
 */
export const archiveLockSchema = {
  model: { entity: "archiveLock", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    jobId: { type: "string", required: true },
    until: { type: "string", required: true },
  },
  indexes: {
    byTenant: {
      pk: { field: "pk", composite: ["tenantId"], template: "P#ARCHIVES#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "LOCK", casing: "none" },
    },
  },
} as const;
