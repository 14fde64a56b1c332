/**
 * Which bloc a unit belongs to in a year. Keyed by (year, unit) and created
 * with attribute_not_exists, so a unit cannot join two blocs in one year.
 */
export const membershipSchema = {
  model: { entity: "membership", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    unitId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byYear: {
      pk: {
        field: "pk",
        composite: ["tenantId", "year"],
        template: "T#${tenantId}#MEMBERSHIP#${year}",
        casing: "none",
      },
      sk: { field: "sk", composite: ["unitId"], template: "UNIT#${unitId}", casing: "none" },
    },
    byUnit: {
      index: "gsi1",
      pk: {
        field: "gsi1pk",
        composite: ["tenantId", "unitId"],
        template: "T#${tenantId}#UNITBLOCS#${unitId}",
        casing: "none",
      },
      sk: { field: "gsi1sk", composite: ["year"], template: "YEAR#${year}", casing: "none" },
    },
  },
} as const;
