import { randomUUID } from "node:crypto";
import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { tenantDb } from "../db/index.ts";
import { parseInput } from "../error.ts";
import { AuditQuery, type AuditRecord } from "./audit.rules.ts";

export * from "./audit.rules.ts";

export interface Change {
  action: AuditRecord["action"];
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The audit item for a change, to be committed in the change's own transaction. */
export function auditItem(actor: Actor, change: Change, at = new Date().toISOString()) {
  return {
    tenantId: requireTenant(actor),
    auditId: randomUUID(),
    at,
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    ...change,
  };
}

/** Newest first, filtered; `cursor` continues where the last page stopped. */
export async function listAudit(actor: Actor, query: AuditQuery) {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const q = parseInput(AuditQuery, query);
  const { audit } = tenantDb(tenantId).entities;
  const range = { gte: q.from ?? "0000", lt: q.to ? nextDay(q.to) : "9999" };
  const base =
    q.entity && q.entityId
      ? audit.query.byEntity({ tenantId, entity: q.entity, entityId: q.entityId })
      : audit.query.byTime({ tenantId });
  const page = await base
    .where((attr, op) =>
      [
        op.between(attr.at, range.gte, range.lt),
        q.entity ? op.eq(attr.entity, q.entity) : "",
        q.actorId ? op.eq(attr.actorId, q.actorId) : "",
      ]
        .filter(Boolean)
        .join(" AND "),
    )
    // `count` keeps reading pages until that many records pass the filters, so filtered pages come back full.
    .go({ order: "desc", count: q.limit, cursor: q.cursor ?? null });
  return { items: page.data.map(({ tenantId: _t, ...record }) => record as AuditRecord), cursor: page.cursor };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
