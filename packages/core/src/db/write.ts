import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Actor } from "../actor.ts";
import type { AuditRecord, auditEntities, platformAuditEntities } from "../audit/audit.rules.ts";
import { type AppError, conflict, invalid } from "../error.ts";
import { readableIds } from "../text/index.ts";
import type { ProvinceTx } from "./province.ts";
import type { ProvinceScope } from "./scope.ts";

/*
 * The one write path. A use case describes its item changes (each with the
 * error its condition means, and its audit entry) and `commit` writes them, with
 * their audit records, in one DynamoDB transaction. A rejected condition comes
 * back as the named error of the change that failed.
 */

/** One line of the audit trail, written in the same transaction as the change it records. */
export interface AuditEntry {
  action: AuditRecord["action"];
  entity: (typeof auditEntities)[number] | (typeof platformAuditEntities)[number];
  entityId: string;
  /** For the platform's own audit trail: the province the change concerns. */
  tenantId?: string;
  before?: unknown;
  after?: unknown;
  /** Why, when the change asked for a reason. */
  reason?: string;
}

/** A transaction item as ElectroDB's `….commit()` builds it. */
type TxItem = { Put: object } | { Update: object } | { Delete: object } | { ConditionCheck: object };

export interface Change<Tx = ProvinceTx> {
  /** The transaction item, built from the entities of the scope (the province's, bound to it, by default). */
  write: (tx: Tx) => TxItem;
  /** What a failed condition on this item means (stale version, taken id, closed year). */
  conflict?: () => AppError;
  /** The audit record of this change. */
  audit?: AuditEntry;
}

type Name = keyof ProvinceTx;
type ItemOf<N extends Name> = Parameters<ProvinceTx[N]["put"]>[0];
type KeyOf<N extends Name> = Parameters<ProvinceTx[N]["delete"]>[0];
type WhereOf<N extends Name> = Parameters<ReturnType<ProvinceTx[N]["delete"]>["where"]>[0];
/** What a conditional change must say: the error its failed condition means, and its audit entry if any. */
type Outcome = Required<Pick<Change, "conflict">> & Pick<Change, "audit">;

// The helpers below are generic over the entity name; ElectroDB's per-entity types meet here once.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyTx = Record<Name, any>;
type VersionAttr = { version: unknown };
type VersionOps = { eq: (a: unknown, v: number) => string; notExists: (a: unknown) => string };

/** The condition of an optimistic edit: still at `expected`, or not stored yet when `expected` is 0. */
export const versionIs = (expected: number) => (attr: VersionAttr, op: VersionOps) =>
  expected === 0 ? op.notExists(attr.version) : op.eq(attr.version, expected);

/** Creates an item that must not exist yet. */
export function createItem<N extends Name>(entity: N, item: ItemOf<N>, outcome: Outcome): Change {
  return { ...outcome, write: (tx) => (tx as AnyTx)[entity].create(item).commit() };
}

/**
 * Writes an item whose stored `version` is still `expected` (0: not stored yet); the item carries its next
 * version. `also` adds a condition on other attributes.
 */
export function putVersioned<N extends Name>(
  entity: N,
  item: ItemOf<N>,
  expected: number,
  { also, ...outcome }: Outcome & { also?: WhereOf<N> },
): Change {
  return {
    ...outcome,
    write: (tx) =>
      (tx as AnyTx)[entity]
        .put(item)
        .where((attr: VersionAttr, op: VersionOps) => {
          const version = versionIs(expected)(attr, op);
          return also ? `${version} AND ${(also as (a: unknown, o: unknown) => string)(attr, op)}` : version;
        })
        .commit(),
  };
}

/** Deletes an item; on a condition (`where`), whose failure answers `conflict`. */
export function deleteItem<N extends Name>(
  entity: N,
  key: KeyOf<N>,
  outcome: (Outcome & { where: WhereOf<N> }) | Pick<Change, "audit"> = {},
): Change {
  const { where, ...rest } = "where" in outcome ? outcome : { ...outcome, where: undefined };
  return {
    ...rest,
    write: (tx) => {
      const op = (tx as AnyTx)[entity].delete(key);
      return (where ? op.where(where) : op).commit();
    },
  };
}

/** Adds to number attributes of an item (a counter, made by its first addition), on a condition when given. */
export function addTo<N extends Name>(
  entity: N,
  key: KeyOf<N>,
  values: Record<string, number>,
  where: WhereOf<N> | undefined,
  onFail: () => AppError,
): Change {
  return {
    conflict: onFail,
    write: (tx) => {
      const update = (tx as AnyTx)[entity].update(key).add(values);
      return (where ? update.where(where) : update).commit();
    },
  };
}

/** Commits only if another item is as expected (a year still open…), without writing it. */
export function checkItem<N extends Name>(entity: N, key: KeyOf<N>, where: WhereOf<N>, onFail: () => AppError): Change {
  return { conflict: onFail, write: (tx) => (tx as AnyTx)[entity].check(key).where(where).commit() };
}

/** Attempts when DynamoDB reports another transaction in progress on the same items. */
const BUSY_ATTEMPTS = 4;

type TxResult = { canceled: boolean; data: { rejected: boolean; code: string }[] };

/** Where a transaction is written: a service's entities, and how an audit record is written among them. */
export interface Writer<Tx> {
  actor: Actor;
  // biome-ignore lint/suspicious/noExplicitAny: ElectroDB types each committed item by its entity
  service: { transaction: { write: (build: (tx: Tx) => any) => { go: () => Promise<TxResult> } } };
  auditItem: (tx: Tx, record: ReturnType<typeof auditRecord>) => TxItem;
}

/**
 * Writes the changes and their audit records in one transaction. A failed
 * condition throws the failing change's `conflict` error; a transaction that
 * met another one on the same items is retried, then answers
 * `transaction.conflict`.
 */
export const commit = (scope: ProvinceScope, changes: readonly Change[], at = new Date().toISOString()) =>
  commitWith<ProvinceTx>(
    { actor: scope.actor, service: scope.service, auditItem: (tx, record) => tx.audit.create(record).commit() },
    changes,
    at,
  );

/** `commit`, for any writer (the platform's own items have theirs, see platform.ts). */
export async function commitWith<Tx>(
  writer: Writer<Tx>,
  changes: readonly Change<Tx>[],
  at = new Date().toISOString(),
) {
  // Which change each transaction item belongs to (audit records belong to none), to name a failure.
  const owners: (Change<Tx> | undefined)[] = [];
  const items = (tx: Tx) =>
    changes.flatMap((change) => {
      const written = [change.write(tx)];
      owners.push(change);
      if (change.audit) {
        written.push(writer.auditItem(tx, auditRecord(writer.actor, change.audit, at)));
        owners.push(undefined);
      }
      return written;
    });
  for (let attempt = 1; ; attempt++) {
    owners.length = 0;
    const result = await writer.service.transaction
      .write(items)
      .go()
      .catch((error: unknown) => {
        // DynamoDB's 400 KB per item: what someone sent is too large to store, not a fault of ours.
        if (/item size/i.test(String((error as Error).message)))
          throw invalid("request.too_large", "Too large to store");
        throw error;
      });
    if (!result.canceled) return;
    const codes = result.data.map((r) => r.code);
    const rejected = result.data.findIndex((r) => r.rejected && r.code === "ConditionalCheckFailed");
    if (rejected >= 0) {
      const error = owners[rejected]?.conflict?.();
      if (error) throw error;
      throw new Error(`Unexpected condition failure at item ${rejected}: ${codes.join(", ")}`);
    }
    if (!codes.includes("TransactionConflict")) throw new Error(`Transaction canceled: ${codes.join(", ")}`);
    if (attempt === BUSY_ATTEMPTS) throw conflict("transaction.conflict", "A concurrent change got there first; retry");
    await sleep(20 * attempt + Math.random() * 30);
  }
}

function auditRecord(actor: Actor, entry: AuditEntry, at: string) {
  return {
    auditId: randomUUID(),
    at,
    actorId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    ...entry,
  };
}

/**
 * Creates something under a readable id from its name (`bao-an-giang`),
 * suffixed `-2`, `-3`… while the id is taken. `build` gives the changes for one
 * id; its creating change answers `taken` on conflict, which moves on to the
 * next id. `isTaken` skips ids known to be taken without trying them.
 */
export async function createWithReadableId<T>(
  scope: ProvinceScope,
  options: { name: string; fallback: string; taken: () => AppError; isTaken?: (id: string) => boolean },
  build: (id: string) => { result: T; changes: Change[] },
): Promise<T> {
  const code = options.taken().code;
  let tries = 0;
  for (const id of readableIds(options.name, options.fallback)) {
    if (options.isTaken?.(id)) continue;
    if (++tries > 20) break;
    const { result, changes } = build(id);
    try {
      await commit(scope, changes);
      return result;
    } catch (error) {
      if ((error as AppError).code !== code) throw error;
    }
  }
  throw options.taken();
}

/** True when a single (non-transaction) write failed its condition; transactions go through `commit`. */
export function isConditionFailure(error: unknown): boolean {
  const e = error as { cause?: { name?: string }; name?: string } | undefined;
  return (e?.cause?.name ?? e?.name) === "ConditionalCheckFailedException";
}
