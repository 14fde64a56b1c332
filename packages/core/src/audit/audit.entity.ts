import { auditActions } from "./audit.rules.ts";
/**
 * One change made by someone, with what it was before and after. Written in the
 * same transaction as the change; created once, never updated or deleted.
 */
export const auditSchema = {
  model: { entity: "audit", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    auditId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorName: { type: "string", required: true, readOnly: true },
    actorRole: { type: "string", required: true, readOnly: true },
    action: { type: auditActions, required: true, readOnly: true },
    entity: { type: "string", required: true, readOnly: true },
    entityId: { type: "string", required: true, readOnly: true },
    before: { type: "any", readOnly: true },
    after: { type: "any", readOnly: true },
    /** Why, when the change asked for a reason (the members of a year already launched). */
    reason: { type: "string", readOnly: true },
  },
  indexes: {
    byTime: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#AUDIT", casing: "none" },
      sk: { field: "sk", composite: ["at", "auditId"], template: "${at}#${auditId}", casing: "none" },
    },
    byEntity: {
      index: "gsi1",
      pk: {
        field: "gsi1pk",
        composite: ["tenantId", "entity", "entityId"],
        template: "T#${tenantId}#AUDIT#${entity}#${entityId}",
        casing: "none",
      },
      sk: { field: "gsi1sk", composite: ["at", "auditId"], template: "${at}#${auditId}", casing: "none" },
    },
  },
} as const;
