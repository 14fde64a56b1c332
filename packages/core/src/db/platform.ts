import { Entity, type EntityItem, Service } from "electrodb";
import { platformAccountSchema } from "../account/platform-account.entity.ts";
import type { Actor } from "../actor.ts";
import { archiveJobSchema } from "../archive/archive-job.entity.ts";
import { archiveLockSchema } from "../archive/archive-lock.entity.ts";
import { platformAuditSchema } from "../audit/platform-audit.entity.ts";
import { credentialLinkSchema } from "../identity/credential-link.entity.ts";
import { endedSessionSchema } from "../identity/ended-session.entity.ts";
import { identitySchema } from "../identity/identity.entity.ts";
import { outboxSchema } from "../identity/outbox.entity.ts";
import { tenantSchema } from "../tenant/tenant.entity.ts";
import { tenantNameSchema } from "../tenant/tenant-name.entity.ts";
import { currentConfig, entityConfig, oncePerConfig } from "./config.ts";
import type { Writer } from "./write.ts";

/**
 * Entities of the platform's own items (`P#`): the tenant registry with its names, the platform's own people, the local
 * identity provider's identities with their one-time links, ended sessions and outbox, the operators' audit trail,
 * and the jobs that export, import or erase a province whole.
 */
export const platformSchemas = {
  tenant: tenantSchema,
  tenantName: tenantNameSchema,
  platformAccount: platformAccountSchema,
  identity: identitySchema,
  credentialLink: credentialLinkSchema,
  endedSession: endedSessionSchema,
  outbox: outboxSchema,
  platformAudit: platformAuditSchema,
  archiveJob: archiveJobSchema,
  archiveLock: archiveLockSchema,
} as const;

const platformService = oncePerConfig(() => {
  const config = entityConfig(currentConfig().client);
  return new Service(
    {
      tenant: new Entity(tenantSchema, config),
      tenantName: new Entity(tenantNameSchema, config),
      platformAccount: new Entity(platformAccountSchema, config),
      identity: new Entity(identitySchema, config),
      credentialLink: new Entity(credentialLinkSchema, config),
      endedSession: new Entity(endedSessionSchema, config),
      outbox: new Entity(outboxSchema, config),
      platformAudit: new Entity(platformAuditSchema, config),
      archiveJob: new Entity(archiveJobSchema, config),
      archiveLock: new Entity(archiveLockSchema, config),
    },
    config,
  );
});

/**
 * The platform's entities. Imported only by the modules that own platform items (a dependency rule):
 * tenant, account, identity and archive, which check the caller's role themselves (the operator manages provinces, sign-in
 * reads an account before any actor exists), and audit, which lists the operators' trail.
 */
export const platformEntities = () => platformService().entities;

const recentReads = oncePerConfig(() => new Map<string, { item: unknown; until: number }>());

/**
 * A platform item as this process read it less than `seconds` ago, else read now (an item not found is
 * read again next time). For checks made on every request that may lag by that much; `forgetRecent`
 * drops an item this process changed, so the change bites here at once. Dropped on configureDb.
 */
export async function recentlyRead<T>(key: string, seconds: number, read: () => Promise<T>): Promise<T> {
  const cache = recentReads();
  const known = cache.get(key);
  if (known && Date.now() < known.until) return known.item as T;
  const item = await read();
  if (item === undefined) cache.delete(key);
  else cache.set(key, { item, until: Date.now() + seconds * 1000 });
  return item;
}

export const forgetRecent = (key: string) => recentReads().delete(key);

type PlatformService = ReturnType<typeof platformService>;
/** An item of one of the platform's entities, as stored. */
export type PlatformItem<N extends keyof PlatformService["entities"]> = EntityItem<PlatformService["entities"][N]>;
export type PlatformTx = Parameters<Parameters<PlatformService["transaction"]["write"]>[0]>[0];

/** The platform's write path (see write.ts): its changes and the operators' audit records, in one transaction. */
export const platformWriter = (actor: Actor): Writer<PlatformTx> => ({
  actor,
  service: platformService(),
  auditItem: (tx, record) => {
    if (!record.tenantId) throw new Error("A platform audit record names the province it concerns");
    return tx.platformAudit.create({ ...record, tenantId: record.tenantId }).commit();
  },
});
