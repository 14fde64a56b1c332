/** Anything the board archives instead of deleting: it keeps its history, and pickers leave it out. */
interface Archivable {
  archivedAt?: string;
  updatedAt: string;
  version: number;
}

/**
 * The item archived (`archived`) or restored, at its next version; undefined when it already is so
 * (archiving twice changes nothing and records nothing).
 */
export function archiveEdit<T extends Archivable>(before: T, archived: boolean, now = new Date().toISOString()) {
  if (Boolean(before.archivedAt) === archived) return undefined;
  const { archivedAt: _was, ...rest } = before;
  return { ...rest, ...(archived ? { archivedAt: now } : {}), updatedAt: now, version: before.version + 1 } as T;
}

/** The audit action of an archive edit. */
export const archiveAction = (archived: boolean): "archive" | "restore" => (archived ? "archive" : "restore");
