import type { ProvinceScope } from "../db/scope.ts";
import { isConditionFailure } from "../db/write.ts";
import { conflict } from "../error.ts";

/** Longer than any import runs (an API request lasts seconds); a lock older than this was left by a dead process. */
const LOCK_LIFETIME_MS = 10 * 60_000;

/** Takes the province's import lock for `importId`, or answers `import.busy` if another import holds it. */
export async function acquireImportLock(scope: ProvinceScope, importId: string, now = new Date()): Promise<void> {
  const expiresAt = new Date(now.getTime() + LOCK_LIFETIME_MS).toISOString();
  try {
    await scope.db.importLock
      .put({ importId, expiresAt })
      .where((attr, op) => `${op.notExists(attr.importId)} OR ${op.lt(attr.expiresAt, now.toISOString())}`)
      .go();
  } catch (error) {
    if (isConditionFailure(error))
      throw conflict("import.busy", "Another import of this province is running; wait for it to finish");
    throw error;
  }
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
