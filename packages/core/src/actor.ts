import { z } from "zod";
import { AppError } from "./error.ts";

export const roles = ["operator", "national", "board", "council", "unit"] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Roles whose accounts belong to one province; the others are platform-wide. */
export const tenantRoles: readonly Role[] = ["board", "council", "unit"];

/** Who is calling, built only from a verified token. */
export const Actor = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    tenantId: z.string().optional(),
    unitId: z.string().optional(),
  })
  .meta({ id: "Actor" });
export type Actor = z.infer<typeof Actor>;

export function assertRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) {
    throw new AppError("forbidden", "auth.forbidden_role", `Role ${actor.role} cannot do this`);
  }
}
