import { type Actor, assertRole } from "../actor.ts";
import { isConditionFailure, platformDb } from "../db/index.ts";
import { conflict, forbidden, notFound, parseInput } from "../error.ts";
import { compareVietnamese } from "../text/index.ts";
import { CreateTenantInput, isTenantOpen, type Tenant, TenantId, UpdateTenantInput } from "./tenant.rules.ts";

export * from "./tenant.rules.ts";

const readers = ["operator", "national"] as const;

export async function listTenants(actor: Actor): Promise<Tenant[]> {
  assertRole(actor, readers);
  // The registry holds at most a few hundred provinces (34 today): read it whole.
  const { data } = await platformDb().entities.tenant.query.list({}).go({ pages: "all" });
  return data.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** Reads a tenant for the platform's own checks (no actor: used by the auth layer). */
export async function findTenant(tenantId: string): Promise<Tenant | undefined> {
  if (!TenantId.safeParse(tenantId).success) return undefined;
  const { data } = await platformDb().entities.tenant.get({ tenantId }).go();
  return data ?? undefined;
}

export async function getTenant(actor: Actor, tenantId: string): Promise<Tenant> {
  assertRole(actor, readers);
  const tenant = await findTenant(tenantId);
  if (!tenant) throw notFound("tenant.not_found");
  return tenant;
}

/** Throws unless the actor's province exists and is active. */
export async function assertTenantOpen(tenantId: string): Promise<void> {
  const tenant = await findTenant(tenantId);
  if (!tenant) throw forbidden("tenant.unavailable", "This account's province does not exist");
  if (!isTenantOpen(tenant)) throw forbidden("tenant.suspended", "This province is suspended");
}

export async function createTenant(actor: Actor, input: unknown): Promise<Tenant> {
  assertRole(actor, ["operator"]);
  const { tenantId, name } = parseInput(CreateTenantInput, input);
  const now = new Date().toISOString();
  const tenant: Tenant = { tenantId, name, status: "active", createdAt: now, updatedAt: now, version: 1 };
  try {
    await platformDb().entities.tenant.create(tenant).go();
  } catch (error) {
    if (isConditionFailure(error)) throw conflict("tenant.exists", `Tenant ${tenantId} already exists`);
    throw error;
  }
  return tenant;
}

export async function updateTenant(actor: Actor, tenantId: string, input: unknown): Promise<Tenant> {
  assertRole(actor, ["operator"]);
  const { version, ...changes } = parseInput(UpdateTenantInput, input);
  const current = await getTenant(actor, tenantId);
  if (current.version !== version) throw conflict("tenant.stale", "The province was changed by someone else");
  try {
    const { data } = await platformDb()
      .entities.tenant.patch({ tenantId })
      .set({ ...changes, updatedAt: new Date().toISOString(), version: version + 1 })
      .where(({ version: v }, { eq }) => eq(v, version))
      .go({ response: "all_new" });
    return data as Tenant;
  } catch (error) {
    if (isConditionFailure(error)) throw conflict("tenant.stale", "The province was changed by someone else");
    throw error;
  }
}
