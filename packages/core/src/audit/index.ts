import { z } from "zod";
import type { Actor } from "../actor.ts";
import { listCursor } from "../db/cursor.ts";
import { boardOnly, provinceScope } from "../db/scope.ts";
import { parseInput } from "../error.ts";
import { AuditQuery, type AuditRecord } from "./audit.rules.ts";

export * from "./audit.rules.ts";

const Position = z.object({ at: z.iso.datetime(), auditId: z.uuid() });

/** Newest first, filtered; `cursor` continues where the last page stopped. */
export async function listAudit(actor: Actor, query: AuditQuery) {
  const { db } = provinceScope(actor, boardOnly);
  const q = parseInput(AuditQuery, query);
  const range = { gte: q.from ?? "0000", lt: q.to ? nextDay(q.to) : "9999" };
  const byEntity = q.entity && q.entityId ? { entity: q.entity, entityId: q.entityId } : undefined;
  const base = byEntity ? db.audit.query.byEntity(byEntity) : db.audit.query.byTime({});
  // A page ends at a record: its time and id are the cursor.
  const cursor = listCursor(db.audit, byEntity ? "byEntity" : "byTime", Position);
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
    .go({ order: "desc", count: q.limit, cursor: cursor.fromApi(q.cursor, byEntity) });
  return { items: page.data as AuditRecord[], cursor: cursor.toApi(page.cursor) };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
