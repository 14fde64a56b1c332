import type { BundleSizes } from "./bundles.ts";
import type { ColdStartFigures } from "./cold-start.ts";
import { type Cost, goalPer1000, prices, unmeasuredPer1000 } from "./cost.ts";
import { kib, ms, num, ratio, table, usd } from "./format.ts";
import type { RouteFigures } from "./latency.ts";
import type { RssFigures } from "./rss.ts";
import type { ScalingFigures } from "./scaling.ts";

export interface Results {
  date: string;
  machine: string;
  quick: boolean;
  repeats: number;
  requests: number;
  bundles: BundleSizes[];
  bare: BundleSizes;
  cold: ColdStartFigures;
  /** Why the cold start of /api/units is not there, when it is not. */
  coldUnitsNote?: string;
  routes: RouteFigures[];
  /** What the province the routes are measured on holds. */
  province: string;
  capacityReported: boolean;
  scaling?: ScalingFigures;
  rss?: RssFigures;
  rssNote?: string;
  cost: Cost;
}

const mib = (bytes: number) => num(bytes / 1024 ** 2, 0);

function bundles(r: Results) {
  return table(
    ["function", "loaded at a cold start (KiB)", "loaded on use (KiB)", "size loaded at a cold start ÷ bare Hono"],
    [
      ...r.bundles.map((b) => [b.name, kib(b.coldBytes), kib(b.onUseBytes), ratio(b.coldBytes / r.bare.coldBytes)]),
      [`bare Hono, one route (same esbuild options)`, kib(r.bare.coldBytes), "–", ratio(1)],
    ],
  );
}

function coldStart(r: Results) {
  const c = r.cold;
  const rows: (string | number)[][] = [
    ["bare Hono, `GET /api/health`", ms(c.bareMs), "200", ratio(1)],
    ["API, `GET /api/health`", ms(c.healthMs), String(c.healthStatus), ratio(c.healthRatio)],
  ];
  if (c.unitsMs !== undefined && c.unitsRatio !== undefined)
    rows.push([
      "API, `GET /api/units` as a board (JWKS fetched, province read, units queried)",
      ms(c.unitsMs),
      String(c.unitsStatus),
      ratio(c.unitsRatio),
    ]);
  return [
    "From spawning a fresh `node` to the answer of the bundle's exported `handler` to its first API Gateway " +
      "(HTTP API, payload 2.0) event; Lambda's own sandbox start is not in it. DynamoDB Local and the JWKS are " +
      "on this machine.",
    "",
    table(["first request", "ms", "status", "÷ bare Hono"], rows),
    ...(r.coldUnitsNote ? ["", r.coldUnitsNote] : []),
  ].join("\n");
}

function requests(r: Results) {
  return [
    `The app in process (\`createApp\` as the local runtime builds it) on DynamoDB Local in memory, warm, ` +
      `${r.requests} requests per route and repeat. "DynamoDB alone" replays each call's own requests at once ` +
      "through a plain client (in the waves the app sent them, writes in a copy of the table so that their " +
      "conditions hold as they did). Capacity is " +
      (r.capacityReported
        ? "DynamoDB Local's own `ConsumedCapacity` (every request asks for `TOTAL`), per call."
        : "not reported by DynamoDB Local here: the units are 0."),
    "",
    r.province,
    "",
    table(
      ["route", "p50 ms", "p95 ms", "DynamoDB alone p50 ms", "app ÷ DynamoDB", "requests", "RRU", "WRU"],
      r.routes.map((f) => [
        f.label,
        ms(f.p50),
        ms(f.p95),
        ms(f.rawP50),
        ratio(f.ratio),
        num(f.requests, f.requests % 1 ? 1 : 0),
        num(f.readUnits, 1),
        num(f.writeUnits, 1),
      ]),
    ),
    ...(r.routes.some((f) => f.replayFailures > 0)
      ? [
          "",
          `Replayed requests that failed where the app's had not: ${r.routes.map((f) => `${f.label} ${f.replayFailures}`).join(", ")}.`,
        ]
      : []),
  ].join("\n");
}

function scaling(s: ScalingFigures, r: Results) {
  const rows = (list: typeof s.units) =>
    list.map((f) => [
      num(f.size),
      ms(f.p50),
      ratio(f.ratio),
      num(f.requests, f.requests % 1 ? 1 : 0),
      num(f.readUnits, 1),
    ]);
  return [
    `Provinces made through the use cases (${num(s.writes)} writes in ${num(s.fillSeconds)} s), the sizes called in ` +
      `turn, ${r.requests} calls each per repeat. The audit page is its first page (50 records).`,
    "",
    table(["units", "`GET /api/units` p50 ms", "÷ smallest", "requests", "RRU"], rows(s.units)),
    "",
    table(["audit records", "`GET /api/audit` p50 ms", "÷ smallest", "requests", "RRU"], rows(s.audit)),
  ].join("\n");
}

function rss(r: Results) {
  if (!r.rss) return r.rssNote ?? "Not measured.";
  return [
    "`tsx packages/local/src/main.ts --in-memory` in a process group of its own, read from `/proc/<pid>/status` " +
      "(VmRSS) a second after it prints that it is ready (the demo seeded), then ended with SIGTERM.",
    "",
    table(
      ["process", "RSS (MiB)", "÷ bare Node.js"],
      [
        ["`npm start` (its Node.js process)", mib(r.rss.startRss), ratio(r.rss.ratio)],
        ["DynamoDB Local under it (Java), for scale", mib(r.rss.javaRss), "–"],
        ["bare Node.js HTTP server", mib(r.rss.bareRss), ratio(1)],
      ],
    ),
  ].join("\n");
}

/** The section of docs/performance.md. */
export function performanceReport(r: Results): string {
  return [
    `Last run ${r.date} on ${r.machine}${r.quick ? " (quick mode: fewer requests and smaller sizes)" : ""}. ` +
      `Each time is the median of ${r.repeats} repeats; each ratio is taken within a repeat against its ` +
      "baseline, measured alternately with it, and its median kept. Figures vary from run to run and machine " +
      "to machine: compare ratios, not milliseconds.",
    "",
    "### Bundles",
    "",
    bundles(r),
    "",
    "### Cold start",
    "",
    coldStart(r),
    "",
    "### Requests, DynamoDB requests and capacity per route",
    "",
    requests(r),
    "",
    "### Lists as they grow",
    "",
    r.scaling ? scaling(r.scaling, r) : "Not measured.",
    "",
    "### Memory of `npm start`",
    "",
    rss(r),
    "",
    "### Cost",
    "",
    `${usd(r.cost.total)} per 1,000 requests of the mix in \`docs/deploy.md\` (Cost per 1,000 requests), ` +
      `${usd(r.cost.withUnmeasured)} with the logs and the aggregator estimated there: ` +
      `${r.cost.met ? "within" : "over"} the goal of $${goalPer1000}.`,
  ].join("\n");
}

/** The section of docs/deploy.md. */
export function costReport(r: Results): string {
  const c = r.cost;
  const share = Math.round(c.readShare * 100);
  return [
    `Recomputed by \`npm run bench\` (${r.date}) from what it measures: ${share} % reads spread evenly over ` +
      `the main pages (${r.routes
        .filter((f) => !f.write)
        .map((f) => f.label)
        .join(", ")}), ${100 - share} % writes (${r.routes
        .filter((f) => f.write)
        .map((f) => f.label)
        .join(", ")}). Capacity units are DynamoDB Local's \`ConsumedCapacity\`; each request is billed ` +
      "its warm p50 measured in process, rounded up to the millisecond, at the API function's memory from " +
      `\`infra/api.ts\` (${num(c.memoryMb)} MB); cold starts, logs and the aggregator are left out ` +
      "(see the estimate above for them).",
    "",
    table(
      ["per 1,000 requests", "quantity", "cost"],
      [
        [
          "Lambda duration",
          `${num(c.billedMs, 1)} ms × ${num(c.memoryMb / 1024, 2)} GB × 1,000 = ${num(c.billedMs * (c.memoryMb / 1024), 1)} GB-s`,
          usd(c.lambdaDuration),
        ],
        ["Lambda requests", `1,000 × $${(prices.lambdaRequest * 1e6).toFixed(2)} per million`, usd(c.lambdaRequests)],
        ["HTTP API", `1,000 × $${(prices.httpApiRequest * 1e6).toFixed(2)} per million`, usd(c.httpApi)],
        ["DynamoDB reads", `${num(c.readUnits * 1000)} RRU`, usd(c.dynamoReads)],
        ["DynamoDB writes", `${num(c.writeUnits * 1000)} WRU`, usd(c.dynamoWrites)],
        ["**total**", "", `**${usd(c.total)}**`],
      ],
    ),
    "",
    `With the logs and the national aggregator as estimated above (${usd(unmeasuredPer1000)}), ` +
      `${usd(c.withUnmeasured)} per 1,000 requests. Goal: at most $${goalPer1000}: **${c.met ? "met" : "not met"}** ` +
      `(${num((c.withUnmeasured / goalPer1000) * 100)} % of it; the HTTP API alone takes ${num((c.httpApi / goalPer1000) * 100)} %).`,
  ].join("\n");
}
