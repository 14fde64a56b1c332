import { roles } from "../actor.ts";

/**
 * An account of the built-in identity provider used locally (Cognito holds
 * accounts on AWS). Platform-level like the tenant registry: sign-in looks an
 * account up by email before any tenant is known.
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
    passwordHash: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"], template: "P#IDENTITY#${email}", casing: "none" },
      sk: { field: "sk", composite: [], template: "IDENTITY", casing: "none" },
    },
  },
} as const;
