import { setTimeout as sleep } from "node:timers/promises";

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
