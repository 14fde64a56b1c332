/** A stored rule override: the province's (`scope` "province") or one bloc's (`scope` = blocId). */
export const ruleOverrideSchema = {
  model: { entity: "ruleOverride", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    scope: { type: "string", required: true, readOnly: true },
    rules: { type: "any", required: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#RULES", casing: "none" },
      sk: { field: "sk", composite: ["scope"], template: "SCOPE#${scope}", casing: "none" },
    },
  },
} as const;
