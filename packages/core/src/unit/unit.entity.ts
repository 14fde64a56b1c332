import { unitKinds } from "./unit.rules.ts";

/** A member agency of the province. All of a province's units share one partition: a few hundred at most. */
export const unitSchema = {
  model: { entity: "unit", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    unitId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    shortName: { type: "string" },
    kind: { type: unitKinds, required: true },
    /** Year → reason; a unit under discipline that year cannot lead, be proposed or be elected. */
    discipline: { type: "any" },
    /** Set while the unit is archived. */
    archivedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#UNITS", casing: "none" },
      sk: { field: "sk", composite: ["unitId"], template: "UNIT#${unitId}", casing: "none" },
    },
  },
} as const;
