import { setTimeout as sleep } from "node:timers/promises";
import type { Entity, EntityIdentifiers, EntityItem } from "electrodb";

/**
 * Reads every item a batch of keys names (ElectroDB splits the batch into
 * calls of 100 keys), retrying what DynamoDB left unprocessed.
 */
export async function getAll<K, T>(keys: K[], fetch: (keys: K[]) => Promise<{ data: T[]; unprocessed: K[] }>) {
  const found: T[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 5) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
    if (attempt > 0) await sleep(25 * 2 ** attempt);
    const { data, unprocessed } = await fetch(pending);
    found.push(...data);
    pending = unprocessed;
  }
  return found;
}

/** One item to read with others: its key as its entity builds it, and how its entity reads it back. */
export interface ItemRead<T> {
  readonly key: Record<string, unknown>;
  readonly table: string;
  readonly parse: (item: Record<string, unknown>) => T | undefined;
  readonly client: BatchGetClient;
}
interface BatchGetClient {
  batchGet(params: object): {
    promise(): Promise<{
      Responses?: Record<string, Record<string, unknown>[]>;
      UnprocessedKeys?: Record<string, { Keys?: Record<string, unknown>[] }>;
    }>;
  };
}
// biome-ignore lint/suspicious/noExplicitAny: any entity of the table
type AnyEntity = Entity<any, any, any, any>;

/**
 * An item of `entity` by its key, to read with others in `readTogether`. The client is the one ElectroDB
 * keeps on the entity (not in its types): its wrapper of the document client, with `batchGet().promise()`
 * as in ElectroDB 3; the read test fails if an upgrade changes it.
 */
export function itemRead<E extends AnyEntity>(entity: E, key: EntityIdentifiers<E>): ItemRead<EntityItem<E>> {
  const { Key, TableName } = entity.get(key).params() as { Key: Record<string, unknown>; TableName: string };
  return {
    key: Key,
    table: TableName,
    parse: (item) => (entity.parse({ Item: item }).data as EntityItem<E> | null) ?? undefined,
    client: (entity as unknown as { client: BatchGetClient }).client,
  };
}

type Found<R extends readonly ItemRead<unknown>[]> = {
  [I in keyof R]: R[I] extends ItemRead<infer T> ? T | undefined : never;
};

/**
 * Items of different entities of one province in one BatchGetItem instead of a GetItem each (a page's
 * bloc, its year, the year's quotas): each answered in its entity's shape, or undefined when missing.
 * A key asked twice is sent once (DynamoDB refuses a batch that repeats one); past 100 keys (its most
 * per request) they take a request per 100. Every read must come from the same province's entities.
 */
export async function readTogether<const R extends readonly ItemRead<unknown>[]>(reads: R): Promise<Found<R>> {
  const first = reads[0];
  if (!first) return [] as unknown as Found<R>;
  if (reads.some((read) => read.client !== first.client || read.table !== first.table))
    throw new Error("readTogether reads through one province's client and table");
  const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) => a.pk === b.pk && a.sk === b.sk;
  const keys = reads
    .map((read) => read.key)
    .filter((key, i, all) => all.findIndex((other) => sameKey(other, key)) === i);
  const batches = Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) => keys.slice(i * 100, i * 100 + 100));
  const fetch = async (pending: Record<string, unknown>[]) => {
    const answer = await first.client.batchGet({ RequestItems: { [first.table]: { Keys: pending } } }).promise();
    return {
      data: answer.Responses?.[first.table] ?? [],
      unprocessed: answer.UnprocessedKeys?.[first.table]?.Keys ?? [],
    };
  };
  const found = (await Promise.all(batches.map((batch) => getAll(batch, fetch)))).flat();
  return reads.map((read) => {
    const item = found.find((candidate) => sameKey(candidate, read.key));
    return item ? read.parse(item) : undefined;
  }) as unknown as Found<R>;
}
