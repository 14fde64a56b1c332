import type { Actor } from "../actor.ts";
import { boardOnly, provinceScope } from "../db/scope.ts";
import { parseInput } from "../error.ts";
import { AuditQuery, type AuditRecord } from "./audit.rules.ts";

export * from "./audit.rules.ts";

/** Newest first, filtered; `cursor` continues where the last page stopped. */
export async function listAudit(actor: Actor, query: AuditQuery) {
  const { db } = provinceScope(actor, boardOnly);
  const q = parseInput(AuditQuery, query);
  const range = { gte: q.from ?? "0000", lt: q.to ? nextDay(q.to) : "9999" };
  const base =
    q.entity && q.entityId
      ? db.audit.query.byEntity({ entity: q.entity, entityId: q.entityId })
      : db.audit.query.byTime({});
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
  return { items: page.data as AuditRecord[], cursor: page.cursor };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
