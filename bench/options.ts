/**
 * How big the run is. `BENCH_QUICK=1` keeps it short while working on the bench itself; the figures
 * written into the docs come from a full run.
 */
export const quick = process.env.BENCH_QUICK === "1";

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
  /** Leave the RSS measurement out (`BENCH_SKIP_RSS=1`): it starts the demo, a minute or two each time. */
  skipRss: process.env.BENCH_SKIP_RSS === "1",
  /** Print only: leave the docs as they are. */
  dryRun: process.env.BENCH_DRY_RUN === "1",
} as const;
