import { AccountStatus, PlatformRole } from "./account.rules.ts";

/**
 * An operator or national viewer: the platform's own people, under `P#` (a handful). Like a province's
 * account, it is the record of whom the operators invited; sign-in is the identity provider's.
 */
export const platformAccountSchema = {
  model: { entity: "platformAccount", version: "1", service: "thidua" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    role: { type: PlatformRole.options, required: true },
    status: { type: AccountStatus.options, required: true },
    invitedAt: { type: "string", required: true },
    joinedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: [], template: "P#ACCOUNTS", casing: "none" },
      sk: { field: "sk", composite: ["userId"], template: "ACCOUNT#${userId}", casing: "none" },
    },
  },
} as const;
