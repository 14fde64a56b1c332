import { z } from "zod";
import { type Actor, assertRole } from "../actor.ts";
import { listCursor } from "../db/cursor.ts";
import { platformEntities } from "../db/platform.ts";
import { boardOnly, provinceScope } from "../db/scope.ts";
import { parseInput } from "../error.ts";
import { AuditQuery, type AuditRecord } from "./audit.rules.ts";

export * from "./audit.rules.ts";

/** A page ends at a record: its time and id are the cursor. */
const Position = z.object({ at: z.iso.datetime(), auditId: z.uuid() });

type Query = z.output<typeof AuditQuery>;
type Ops = { between: (a: unknown, x: string, y: string) => string; eq: (a: unknown, v: string) => string };
type Attrs = { at: unknown; entity: unknown; actorId: unknown };
/** What the listing needs of an ElectroDB query of either trail. */
interface AuditQueryChain {
  where: (build: (attr: Attrs, op: Ops) => string) => {
    go: (options: { order: "desc"; limit: number; pages: 1; cursor: string | null }) => Promise<{
      data: unknown[];
      cursor: string | null;
    }>;
  };
}

/**
 * Reads per page at most: a filter that matches little reads this many stretches of `limit` records,
 * then answers what it found with a cursor to go on, rather than the whole trail in one request.
 */
const MAX_READS = 3;

/** One page of a trail, newest first, filtered by time, kind of entity and actor. */
async function page(chain: AuditQueryChain, cursor: ReturnType<typeof listCursor>, q: Query, fixed = {}) {
  const range = { gte: q.from ?? "0000", lt: q.to ? nextDay(q.to) : "9999" };
  // A range that ends before it starts holds nothing (and DynamoDB refuses such a BETWEEN).
  if (range.gte > range.lt) return { items: [], cursor: cursor.toApi(null) };
  const filtered = chain.where((attr, op) =>
    [
      op.between(attr.at, range.gte, range.lt),
      q.entity ? op.eq(attr.entity, q.entity) : "",
      q.actorId ? op.eq(attr.actorId, q.actorId) : "",
    ]
      .filter(Boolean)
      .join(" AND "),
  );
  const found: (AuditRecord & { tenantId?: string })[] = [];
  let next = cursor.fromApi(q.cursor, fixed);
  for (let read = 0; read < MAX_READS && found.length < q.limit; read++) {
    const stretch = await filtered.go({ order: "desc", limit: q.limit, pages: 1, cursor: next });
    found.push(...(stretch.data as typeof found));
    next = stretch.cursor;
    if (!next) break;
  }
  const items = found.slice(0, q.limit);
  const last = items.at(-1);
  return {
    // The province a platform record concerns is the caller's own, or the operator's to see in `entityId`.
    items: items.map(({ tenantId: _t, ...record }) => record),
    cursor: found.length > q.limit && last ? cursor.after(last) : cursor.toApi(next),
  };
}

/**
 * The province's audit trail, newest first, filtered; `cursor` continues where the last page stopped.
 * Filtered on `tenant`, it is the operators' actions on the province (created, renamed, suspended…).
 */
export async function listAudit(actor: Actor, query: AuditQuery) {
  const { db } = provinceScope(actor, boardOnly);
  const q = parseInput(AuditQuery, query);
  if (q.entity === "tenant") {
    const { platformAudit } = platformEntities();
    const ofProvince = { tenantId: actor.tenantId as string };
    const chain = platformAudit.query.byTenant(ofProvince) as unknown as AuditQueryChain;
    return page(chain, listCursor(platformAudit, "byTenant", Position), q, ofProvince);
  }
  const byEntity = q.entity && q.entityId ? { entity: q.entity, entityId: q.entityId } : undefined;
  const chain = (byEntity ? db.audit.query.byEntity(byEntity) : db.audit.query.byTime({})) as AuditQueryChain;
  return page(chain, listCursor(db.audit, byEntity ? "byEntity" : "byTime", Position), q, byEntity);
}

/** The operators' own trail: every action on every province, newest first. */
export async function listPlatformAudit(actor: Actor, query: AuditQuery) {
  assertRole(actor, ["operator"]);
  const q = parseInput(AuditQuery, query);
  const { platformAudit } = platformEntities();
  const chain = platformAudit.query.byTime({}) as unknown as AuditQueryChain;
  return page(chain, listCursor(platformAudit, "byTime", Position), q);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
