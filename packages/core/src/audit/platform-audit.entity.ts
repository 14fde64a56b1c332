import { auditSchema } from "./audit.entity.ts";

const { tenantId: _province, ...recorded } = auditSchema.attributes;

/**
 * One action of the platform's operators (a province created, renamed, suspended, resumed), with what
 * it was before and after. Under `P#`, written in the same transaction as the action; the province it
 * concerns reads its own through the second index.
 */
export const platformAuditSchema = {
  model: { entity: "platformAudit", version: "1", service: "thidua" },
  attributes: {
    ...recorded,
    /** The province the action concerns. */
    tenantId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTime: {
      pk: { field: "pk", composite: [], template: "P#AUDIT", casing: "none" },
      sk: { field: "sk", composite: ["at", "auditId"], template: "${at}#${auditId}", casing: "none" },
    },
    byTenant: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId"], template: "P#AUDIT#TENANT#${tenantId}", casing: "none" },
      sk: { field: "gsi1sk", composite: ["at", "auditId"], template: "${at}#${auditId}", casing: "none" },
    },
  },
} as const;
