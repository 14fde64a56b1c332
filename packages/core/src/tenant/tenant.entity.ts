import { TenantStatus } from "./tenant.rules.ts";

/** The platform's registry of provinces. Lives under `P#`, outside every tenant's keys. */
export const tenantSchema = {
  model: { entity: "tenant", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    status: { type: TenantStatus.options, required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "P#TENANT#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "TENANT", casing: "none" },
    },
    list: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: [], template: "P#TENANTS", casing: "none" },
      sk: { field: "gsi1sk", composite: ["tenantId"], template: "${tenantId}", casing: "none" },
    },
  },
} as const;
