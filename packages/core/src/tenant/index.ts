import { type Actor, assertRole } from "../actor.ts";
import { forgetRecent, type PlatformTx, platformEntities, platformWriter, recentlyRead } from "../db/platform.ts";
import { type AuditEntry, type Change, commitWith } from "../db/write.ts";
import { type AppError, conflict, forbidden, notFound, parseInput } from "../error.ts";
import { nameKey, refuseTakenName } from "../names/index.ts";
import { compareVietnamese } from "../text/index.ts";
import {
  CreateTenantInput,
  isTenantOpen,
  statusChangeProblem,
  type Tenant,
  TenantId,
  UpdateTenantInput,
} from "./tenant.rules.ts";

export * from "./tenant.rules.ts";

const readers = ["operator", "national"] as const;

export async function listTenants(actor: Actor): Promise<Tenant[]> {
  assertRole(actor, readers);
  // The registry holds at most a few hundred provinces (34 today): read it whole.
  const { data } = await platformEntities().tenant.query.list({}).go({ pages: "all" });
  return data.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** A province of the registry by id, for the platform's own jobs (an archive names its province). */
export async function readTenant(tenantId: string): Promise<Tenant | undefined> {
  if (!TenantId.safeParse(tenantId).success) return undefined;
  const { data } = await platformEntities().tenant.get({ tenantId }).go();
  return data ?? undefined;
}

/** The province of the actor's account, if it has one. */
export const ownTenant = (actor: Actor): Promise<Tenant | undefined> =>
  actor.tenantId ? readTenant(actor.tenantId) : Promise.resolve(undefined);

export async function getTenant(actor: Actor, tenantId: string): Promise<Tenant> {
  assertRole(actor, readers);
  const tenant = await readTenant(tenantId);
  if (!tenant) throw notFound("tenant.not_found");
  return tenant;
}

/**
 * How long a process trusts a province's status it read: a suspension stops the province's requests at
 * once in the process that made it, and within this many seconds in every other (a warm Lambda).
 */
export const TENANT_STATUS_SECONDS = 30;

/** Throws unless the actor's province (if it has one) exists and is active. */
export async function assertTenantOpen(actor: Actor): Promise<void> {
  const { tenantId } = actor;
  if (!tenantId) return;
  const tenant = await recentlyRead(`tenant#${tenantId}`, TENANT_STATUS_SECONDS, () => readTenant(tenantId));
  if (!tenant) throw forbidden("tenant.unavailable", "This account's province does not exist");
  if (!isTenantOpen(tenant)) throw forbidden("tenant.suspended", "This province is suspended");
}

const nameTaken = () =>
  conflict("tenant.name_taken", "Another province has this name", [{ path: "name", message: "tenant.name_taken" }]);

/** Whether no other province has this name (after folding case and diacritics). */
export async function isNameFree(name: string, tenantId: string): Promise<boolean> {
  try {
    await assertNameFree(name, tenantId);
    return true;
  } catch {
    return false;
  }
}

/** Refuses a name another province has (the claim written with the change settles races). */
async function assertNameFree(name: string, tenantId?: string) {
  const { data } = await platformEntities().tenant.query.list({}).go({ pages: "all" });
  refuseTakenName(
    data.map((t) => ({ id: t.tenantId, name: t.name })),
    name,
    tenantId,
    nameTaken,
  );
}

const nameClaimed = (name: string, tenantId: string): Change<PlatformTx> => ({
  write: (tx) => tx.tenantName.create({ nameKey: nameKey(name), tenantId }).commit(),
  conflict: nameTaken,
});

const noArchiveJob = (tenantId: string, now: string): Change<PlatformTx> => ({
  write: (tx) =>
    tx.archiveLock
      .check({ tenantId })
      .where((attr, op) => `${op.notExists(attr.jobId)} OR ${op.lt(attr.until, now)}`)
      .commit(),
  conflict: () => conflict("archive.busy", "A job is moving this province; wait for it to finish"),
});

const nameFreed = (name: string, tenantId: string, stale: () => AppError): Change<PlatformTx> => ({
  write: (tx) =>
    tx.tenantName
      .delete({ nameKey: nameKey(name) })
      .where((attr, op) => `${op.notExists(attr.tenantId)} OR ${op.eq(attr.tenantId, tenantId)}`)
      .commit(),
  conflict: stale,
});

/** Onboards a province; the operator's action is recorded in the platform's audit trail with it. */
export async function createTenant(actor: Actor, input: unknown): Promise<Tenant> {
  assertRole(actor, ["operator"]);
  const { tenantId, name } = parseInput(CreateTenantInput, input);
  await assertNameFree(name);
  const now = new Date().toISOString();
  const tenant: Tenant = { tenantId, name, status: "active", createdAt: now, updatedAt: now, version: 1 };
  await commitWith(platformWriter(actor), [
    nameClaimed(name, tenantId),
    {
      write: (tx) => tx.tenant.create(tenant).commit(),
      conflict: () => conflict("tenant.exists", `Tenant ${tenantId} already exists`),
      audit: { action: "create", entity: "tenant", entityId: tenantId, tenantId, after: tenant },
    },
  ]);
  return tenant;
}

/** Renames, suspends or resumes a province (a stale version answers 409), recorded like its creation. */
export async function updateTenant(actor: Actor, tenantId: string, input: unknown): Promise<Tenant> {
  assertRole(actor, ["operator"]);
  const { version, ...changes } = parseInput(UpdateTenantInput, input);
  const before = await getTenant(actor, tenantId);
  const stale = () => conflict("tenant.stale", "The province was changed by someone else");
  if (before.version !== version) throw stale();
  const problem = statusChangeProblem(before.status, changes.status);
  if (problem)
    throw conflict(problem, "A province is archived once suspended, and restored as suspended", [
      { path: "status", message: problem },
    ]);
  const now = new Date().toISOString();
  const after: Tenant = { ...before, ...changes, updatedAt: now, version: version + 1 };
  const renamed = nameKey(after.name) !== nameKey(before.name);
  if (renamed) await assertNameFree(after.name, tenantId);
  const restored = before.status === "archived" && after.status !== "archived";
  await commitWith(platformWriter(actor), [
    ...(renamed ? [nameClaimed(after.name, tenantId), nameFreed(before.name, tenantId, stale)] : []),
    // A province an erase (or another archive job) is moving stays archived until the job ends.
    ...(restored ? [noArchiveJob(tenantId, now)] : []),
    {
      write: (tx) =>
        tx.tenant
          .put(after)
          .where((attr, op) => op.eq(attr.version, version))
          .commit(),
      conflict: stale,
      audit: { action: "update", entity: "tenant", entityId: tenantId, tenantId, before, after },
    },
  ]);
  forgetRecent(`tenant#${tenantId}`);
  return after;
}

/**
 * Records in the platform's trail an operator's action inside a province (a board account added), the
 * province's own trail having recorded it with the change. A separate write: the two trails are kept
 * under different keys, reached on AWS by different credentials.
 */
export async function recordOperatorAction(actor: Actor, entry: AuditEntry & { tenantId: string }): Promise<void> {
  assertRole(actor, ["operator"]);
  await recordPlatformAction(actor, entry);
}

/** An entry of the platform's trail about a province that exists (a province gone answers 404). */
async function recordPlatformAction(actor: Actor, entry: AuditEntry & { tenantId: string }): Promise<void> {
  await commitWith(platformWriter(actor), [
    {
      write: (tx) =>
        tx.tenant
          .check({ tenantId: entry.tenantId })
          .where((attr, op) => op.exists(attr.tenantId))
          .commit(),
      conflict: () => notFound("tenant.not_found"),
      audit: entry,
    },
  ]);
}

/** Records in the platform's trail that a province was exported, by the operator or by its own board. */
export async function recordExport(actor: Actor, tenantId: string): Promise<void> {
  assertRole(actor, ["operator", "board"]);
  if (actor.role === "board" && actor.tenantId !== tenantId) throw notFound("tenant.not_found");
  await recordPlatformAction(actor, { action: "export", entity: "tenant", entityId: tenantId, tenantId });
}

/**
 * Enters an imported province in the registry as its archive names it, recorded as an import; a province
 * this deployment has erased is replaced. Called by the import job once every item and file is written.
 */
export async function adoptTenant(actor: Actor, province: Pick<Tenant, "tenantId" | "name" | "status">) {
  assertRole(actor, ["operator"]);
  const { tenantId, name, status } = province;
  const before = await readTenant(tenantId);
  // Entered already (a resumed import): done. Any other province of this id is not the archive's.
  if (before && before.status !== "erased") {
    if (before.name === name) return;
    throw conflict("archive.province_exists", "This deployment has this province already");
  }
  const now = new Date().toISOString();
  const after: Tenant = {
    tenantId,
    name,
    status,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    version: (before?.version ?? 0) + 1,
  };
  const renamed = !before || nameKey(before.name) !== nameKey(name);
  if (renamed) await assertNameFree(name, tenantId);
  const stale = () => conflict("tenant.stale", "The province was changed by someone else");
  await commitWith(platformWriter(actor), [
    ...(renamed ? [nameClaimed(name, tenantId)] : []),
    ...(before && renamed ? [nameFreed(before.name, tenantId, stale)] : []),
    {
      write: (tx) =>
        tx.tenant
          .put(after)
          .where((attr, op) => (before ? op.eq(attr.version, before.version) : op.notExists(attr.tenantId)))
          .commit(),
      conflict: stale,
      audit: { action: "import", entity: "tenant", entityId: tenantId, tenantId, ...(before ? { before } : {}), after },
    },
  ]);
  forgetRecent(`tenant#${tenantId}`);
}

/** Marks a province whose data an erase job deleted: the registry keeps its name and the trail the erase. */
export async function markErased(actor: Actor, tenantId: string): Promise<void> {
  assertRole(actor, ["operator"]);
  const before = await readTenant(tenantId);
  if (!before) throw notFound("tenant.not_found");
  if (before.status === "erased") return;
  if (before.status !== "archived") throw conflict("tenant.erase_needs_archive", "The province was restored meanwhile");
  const after: Tenant = {
    ...before,
    status: "erased",
    updatedAt: new Date().toISOString(),
    version: before.version + 1,
  };
  await commitWith(platformWriter(actor), [
    {
      write: (tx) =>
        tx.tenant
          .put(after)
          .where((attr, op) => op.eq(attr.version, before.version))
          .commit(),
      conflict: () => conflict("tenant.stale", "The province was changed by someone else"),
      audit: { action: "erase", entity: "tenant", entityId: tenantId, tenantId, before, after },
    },
  ]);
  forgetRecent(`tenant#${tenantId}`);
}
