import { roles } from "../actor.ts";

/**
 * A sign-in identity of the built-in identity provider used locally (Cognito holds them on AWS).
 * Platform-level like the tenant registry: sign-in finds it by email before any province is known. Its
 * role, province and unit are what tokens carry; the province's own record of the person is the
 * account (account/account.entity.ts).
 */
export const identitySchema = {
  model: { entity: "identity", version: "1", service: "thidua" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    role: { type: roles, required: true },
    tenantId: { type: "string" },
    unitId: { type: "string" },
    /** `invited`: no password yet; `disabled`: may not sign in. Identities stored before it are active. */
    status: { type: ["invited", "active", "disabled"] as const },
    passwordHash: { type: "string" },
    /** Refresh tokens issued before this are refused: set when the account is disabled or its password changes. */
    sessionsValidFrom: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"], template: "P#IDENTITY#${email}", casing: "none" },
      sk: { field: "sk", composite: [], template: "IDENTITY", casing: "none" },
    },
  },
} as const;
