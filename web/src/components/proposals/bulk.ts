/** What a run over several items came to: those done, and those that failed with their error. */
export interface BulkOutcome<T> {
  done: T[];
  failed: { item: T; error: unknown }[];
}

/**
 * Runs an action on each item one after the other (each decision is its own transaction; one at a time
 * keeps the progress honest and the API unhurried), going on past a failure, and reports progress after
 * each: "Đã duyệt 3/5".
 */
export async function runOneByOne<T>(
  items: readonly T[],
  run: (item: T) => Promise<unknown>,
  onProgress?: (finished: number, total: number) => void,
): Promise<BulkOutcome<T>> {
  const outcome: BulkOutcome<T> = { done: [], failed: [] };
  for (const item of items) {
    try {
      await run(item);
      outcome.done.push(item);
    } catch (error) {
      outcome.failed.push({ item, error });
    }
    onProgress?.(outcome.done.length + outcome.failed.length, items.length);
  }
  return outcome;
}

/** The failures grouped by their reason (an error code), in the order first met: one line per reason. */
export function failureReasons<T>(
  outcome: BulkOutcome<T>,
  codeOf: (error: unknown) => string,
): { code: string; error: unknown; items: T[] }[] {
  const groups = new Map<string, { code: string; error: unknown; items: T[] }>();
  for (const { item, error } of outcome.failed) {
    const code = codeOf(error);
    const group = groups.get(code) ?? { code, error, items: [] };
    group.items.push(item);
    groups.set(code, group);
  }
  return [...groups.values()];
}
