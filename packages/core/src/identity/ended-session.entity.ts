/**
 * A session of the local identity provider that its user signed out of: its refresh tokens are refused
 * until it would have ended anyway (`endsAt`), after which the record is pruned. Kept beside the identity.
 */
export const endedSessionSchema = {
  model: { entity: "endedSession", version: "1", service: "thidua" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    sid: { type: "string", required: true, readOnly: true },
    endsAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"], template: "P#IDENTITY#${email}", casing: "none" },
      sk: { field: "sk", composite: ["sid"], template: "ENDED#${sid}", casing: "none" },
    },
  },
} as const;
