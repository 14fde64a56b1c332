/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/**
 * Runs `measure` once per repeat and keeps, for each figure it returns, the median over the repeats:
 * a machine busy with something else during one repeat moves the median less than the mean.
 */
export async function medianOfRepeats<K extends string>(
  repeats: number,
  measure: (repeat: number) => Promise<Record<K, number>>,
): Promise<Record<K, number>> {
  const runs: Record<K, number>[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) runs.push(await measure(repeat));
  const keys = Object.keys(runs[0] ?? {}) as K[];
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as Record<K, number>;
}

/** Milliseconds `run` takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}
