import { AccountStatus } from "./account.rules.ts";

/**
 * A person of the province: the board's record of whom it invited, in which role and unit. All of a
 * province's accounts share one partition (a few hundred). Sign-in itself is the identity provider's
 * (Cognito, or the local one), which the account use cases keep in step.
 */
export const accountSchema = {
  model: { entity: "account", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    role: { type: ["board", "council", "unit"] as const, required: true },
    unitId: { type: "string" },
    status: { type: AccountStatus.options, required: true },
    invitedAt: { type: "string", required: true },
    joinedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#ACCOUNTS", casing: "none" },
      sk: { field: "sk", composite: ["userId"], template: "ACCOUNT#${userId}", casing: "none" },
    },
  },
} as const;
