import { type Actor, Role, tenantRoles } from "@thidua/core/actor";
import { z } from "zod";

/**
 * Claim names shared by Cognito ID tokens (custom attributes) and the local
 * identity provider, so one verifier reads both.
 */
export const claim = {
  role: "custom:role",
  tenant: "custom:tenant",
  unit: "custom:unit",
} as const;

const TokenClaims = z
  .object({
    sub: z.string().min(1),
    email: z.string().min(1),
    name: z.string().optional(),
    [claim.role]: Role,
    [claim.tenant]: z.string().min(1).optional(),
    [claim.unit]: z.string().min(1).optional(),
  })
  .refine((c) => tenantRoles.includes(c[claim.role]) === Boolean(c[claim.tenant]), {
    message: "Province roles carry a tenant; platform roles do not",
  });

/** The Actor a verified token speaks for, or undefined when its claims do not make one. */
export function actorFromClaims(payload: unknown): Actor | undefined {
  const parsed = TokenClaims.safeParse(payload);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    userId: c.sub,
    email: c.email,
    name: c.name ?? c.email,
    role: c[claim.role],
    ...(c[claim.tenant] ? { tenantId: c[claim.tenant] } : {}),
    ...(c[claim.unit] ? { unitId: c[claim.unit] } : {}),
  };
}

/** The claims to sign for an actor (used by the local identity provider). */
export function claimsFor(actor: Actor): Record<string, string> {
  return {
    email: actor.email,
    name: actor.name,
    token_use: "id",
    [claim.role]: actor.role,
    ...(actor.tenantId ? { [claim.tenant]: actor.tenantId } : {}),
    ...(actor.unitId ? { [claim.unit]: actor.unitId } : {}),
  };
}
