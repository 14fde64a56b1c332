import { z } from "zod";
import { SavedVersion, someChange } from "../edit/edit.rules.ts";
import { textField } from "../text/index.ts";

/** A province id: lowercase ASCII words joined by single hyphens (`an-giang`). */
export const TenantId = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

const Name = textField({ min: 2, max: 120 });

/**
 * Active; suspended (nobody of the province may act); archived (a suspended province set aside, kept whole);
 * erased (an archived province whose data was deleted after an export: only its registry entry remains).
 */
export const TenantStatus = z.enum(["active", "suspended", "archived", "erased"]);

export const Tenant = z
  .object({
    tenantId: TenantId,
    name: z.string(),
    status: TenantStatus,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Tenant" });
export type Tenant = z.infer<typeof Tenant>;

export const CreateTenantInput = z.object({
  tenantId: TenantId,
  name: Name,
});
export type CreateTenantInput = z.input<typeof CreateTenantInput>;

export const UpdateTenantInput = someChange(
  z.object({
    name: Name.optional(),
    /** `erased` is set by an erase job, never by an edit. */
    status: TenantStatus.exclude(["erased"]).optional(),
    /** The version the client last read; a stale one answers 409. */
    version: SavedVersion,
  }),
);
export type UpdateTenantInput = z.input<typeof UpdateTenantInput>;

/** Whether a tenant's users may act: a suspended province is read by nobody but the operator. */
export const isTenantOpen = (tenant: Pick<Tenant, "status"> | undefined): boolean => tenant?.status === "active";

/** Why a status change is refused: a province is archived only once suspended, and comes back suspended. */
export function statusChangeProblem(from: Tenant["status"], to: Tenant["status"] | undefined) {
  if (from === "erased") return "tenant.erased" as const;
  if (to === undefined || to === from) return undefined;
  if (to === "archived" && from !== "suspended") return "tenant.archive_needs_suspension" as const;
  if (from === "archived" && to !== "suspended") return "tenant.archived" as const;
  return undefined;
}
