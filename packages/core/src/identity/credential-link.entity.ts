/**
 * The one-time link of the local identity provider that sets a password: an invitation or a reset.
 * One per identity and purpose (a new one replaces the old); only a hash of its secret is stored here
 * (the message that carries the link, in the local outbox, holds it whole).
 */
export const credentialLinkSchema = {
  model: { entity: "credentialLink", version: "1", service: "thidua" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    purpose: { type: ["invitation", "reset"] as const, required: true, readOnly: true },
    secretHash: { type: "string", required: true },
    expiresAt: { type: "string", required: true },
    usedAt: { type: "string" },
    createdAt: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"], template: "P#IDENTITY#${email}", casing: "none" },
      sk: { field: "sk", composite: ["purpose"], template: "LINK#${purpose}", casing: "none" },
    },
  },
} as const;
