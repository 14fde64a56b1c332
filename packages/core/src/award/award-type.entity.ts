import { awardLevels } from "./award.rules.ts";

/**
 * An award type the province stored: an edited default (same id) or one of its
 * own. All of a province's award types share one partition: a few dozen at most.
 */
export const awardTypeSchema = {
  model: { entity: "awardType", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    awardTypeId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    level: { type: awardLevels, required: true },
    /** Award type ids a unit must receive in the same year first. */
    prerequisites: { type: "list", items: { type: "string" }, required: true },
    /** [{ awardTypeId, years }]: awards held in each of the N years before; absent on older items. */
    yearsInRow: { type: "any" },
    leaderOnly: { type: "boolean", required: true },
    active: { type: "boolean", required: true },
    order: { type: "number", required: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#AWARDTYPES", casing: "none" },
      sk: { field: "sk", composite: ["awardTypeId"], template: "AWARD#${awardTypeId}", casing: "none" },
    },
  },
} as const;
