import { blocKinds } from "./bloc.rules.ts";

/** A bloc (khối, by function) or cluster (cụm, by territory) of the province. */
export const blocSchema = {
  model: { entity: "bloc", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    kind: { type: blocKinds, required: true },
    /** Emails of the council members who follow this bloc. */
    councilEmails: { type: "list", items: { type: "string" }, required: true },
    /** The current criteria version; 0 until a table is saved. */
    criteriaVersion: { type: "number", required: true },
    /** Set while the bloc is archived. */
    archivedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#BLOCS", casing: "none" },
      sk: { field: "sk", composite: ["blocId"], template: "BLOC#${blocId}", casing: "none" },
    },
  },
} as const;
