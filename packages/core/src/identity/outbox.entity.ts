/**
 * A message the local identity provider would have mailed (an invitation, a password reset): `npm start`
 * prints it and the operator reads the outbox in the dashboard. It is a mailbox, so it holds the link
 * whole, secret included: whoever reads the outbox can use a link not used yet, which is why only the
 * local runtime has one (on AWS, Cognito mails them and keeps nothing readable).
 */
export const outboxSchema = {
  model: { entity: "outbox", version: "1", service: "thidua" },
  attributes: {
    messageId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    to: { type: "string", required: true },
    name: { type: "string", required: true },
    purpose: { type: ["invitation", "reset"] as const, required: true },
    link: { type: "string", required: true },
    expiresAt: { type: "string", required: true },
  },
  indexes: {
    byTime: {
      pk: { field: "pk", composite: [], template: "P#OUTBOX", casing: "none" },
      sk: { field: "sk", composite: ["at", "messageId"], template: "${at}#${messageId}", casing: "none" },
    },
  },
} as const;
