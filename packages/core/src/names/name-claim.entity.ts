/** The kinds of province data whose names are unique within the province. */
export const claimedKinds = ["unit", "bloc", "awardType"] as const;

/**
 * A name held by one unit, bloc or award type of the province, as users compare names (case, diacritics
 * and spacing aside): one item per kind and name, written in the same transaction as the creation or
 * rename that takes it, so two of a kind cannot share a name however close together they are saved.
 */
export const nameClaimSchema = {
  model: { entity: "nameClaim", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    kind: { type: claimedKinds, required: true, readOnly: true },
    /** The name folded: lowercase, without diacritics, single spaces (see foldVietnamese). */
    nameKey: { type: "string", required: true, readOnly: true },
    /** The id of the unit, bloc or award type that holds the name. */
    holderId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byName: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#NAMES", casing: "none" },
      sk: { field: "sk", composite: ["kind", "nameKey"], template: "${kind}#${nameKey}", casing: "none" },
    },
  },
} as const;
