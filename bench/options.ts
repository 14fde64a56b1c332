import { benchEnv } from "./env.ts";

/**
 * How big the run is. `BENCH_QUICK=1` keeps it short while working on the bench itself; the figures
 * written into the docs come from a full run.
 */
export const quick = benchEnv.BENCH_QUICK;

export const options = {
  quick,
  /** Each timed figure is measured this many times, side by side with its baseline, and the median kept. */
  repeats: 3,
  /** Requests per route and repeat for the latency percentiles. */
  requests: quick ? 10 : 50,
  /** Province sizes for the units list. */
  unitCounts: quick ? [40, 200] : [40, 400, 2_000],
  /** Audit records for the audit page. */
  auditCounts: quick ? [100, 1_000] : [100, 10_000],
  /** Units of the province the pages are measured on (a middle-sized province). */
  provinceUnits: 40,
  /** Parallel use-case calls while filling provinces (DynamoDB Local shares two cores with us). */
  fillConcurrency: 6,
  /** `npm start` seeds the whole demo on each in-memory start: one start in quick mode. */
  rssRepeats: quick ? 1 : 3,
  skipRss: benchEnv.BENCH_SKIP_RSS,
  dryRun: benchEnv.BENCH_DRY_RUN,
} as const;
