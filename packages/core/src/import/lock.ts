import type { ProvinceScope } from "../db/scope.ts";
import { type Change, isConditionFailure } from "../db/write.ts";
import { conflict } from "../error.ts";

/** Longer than any import runs (an API request lasts seconds); a lock older than this was left by a dead process. */
const LOCK_LIFETIME_MS = 10 * 60_000;

/**
 * Takes the province's import lock for `importId`, in the transaction that creates the job: if another
 * import holds a lock that has not expired, the job is not created and the answer is `import.busy`.
 */
export function importLockTaken(importId: string, now: Date): Change {
  const expiresAt = new Date(now.getTime() + LOCK_LIFETIME_MS).toISOString();
  return {
    write: (tx) =>
      tx.importLock
        .put({ importId, expiresAt })
        .where((attr, op) => `${op.notExists(attr.importId)} OR ${op.lt(attr.expiresAt, now.toISOString())}`)
        .commit(),
    conflict: () => conflict("import.busy", "Another import of this province is running; wait for it to finish"),
  };
}

/** Gives the lock back if `importId` still holds it. */
export async function releaseImportLock(scope: ProvinceScope, importId: string): Promise<void> {
  try {
    await scope.db.importLock
      .delete({})
      .where((attr, op) => op.eq(attr.importId, importId))
      .go();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
