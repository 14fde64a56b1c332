/*
 * `npm run bench`: bundle sizes, cold start, request latency, DynamoDB requests and capacity per route,
 * list scaling, the memory of `npm start` and the cost per 1,000 requests. Each time is printed as a
 * ratio to a baseline measured alternately with it in the same run. Prints its figures and writes them
 * into docs/performance.md and docs/deploy.md. Not a test: nothing here passes or fails on a time.
 * BENCH_QUICK=1 runs a short version; BENCH_SKIP_RSS=1 leaves `npm start` out; BENCH_DRY_RUN=1 only prints.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchApp } from "./app.ts";
import { bundleBare, bundleFunctions } from "./bundles.ts";
import { measureApiColdStarts } from "./cold-start.ts";
import { costPer1000 } from "./cost.ts";
import { costSection, performanceSection, writeSection } from "./docs.ts";
import { addBlocs, addUnits, createProvince, national } from "./fixture.ts";
import { measureRoute, mirror, type RouteFigures } from "./latency.ts";
import { machine } from "./machine.ts";
import { withNationalSummaries } from "./national-summaries.ts";
import { options } from "./options.ts";
import { mainRoutes } from "./pages.ts";
import { costReport, performanceReport, type Results } from "./report.ts";
import { measureRss, type RssFigures } from "./rss.ts";
import { measureScaling } from "./scaling.ts";
import { startStorage } from "./storage.ts";

const progress = (line: string) => console.error(line);
const began = performance.now();
const elapsed = () => `${Math.round((performance.now() - began) / 1000)} s`;
const work = mkdtempSync(join(tmpdir(), "thidua-bench-"));

try {
  progress(`bench${options.quick ? " (quick)" : ""}: bundling the functions…`);
  const bundles = await bundleFunctions(work);
  const bare = await bundleBare(work);
  const api = bundles.find((b) => b.name === "api");
  if (!api) throw new Error("no API bundle");

  progress(`bench: starting DynamoDB Local and making a province (${elapsed()})…`);
  const storage = await startStorage();
  let results: Omit<Results, "rss" | "rssNote" | "cost">;
  try {
    const app = await benchApp();
    const { board, bloc, units } = await withNationalSummaries(storage, async () => {
      const board = await createProvince("bench-pages");
      const units = await addUnits(board, options.provinceUnits, options.fillConcurrency);
      return { board, bloc: await addBlocs(board, units), units };
    });
    await mirror(storage);
    const firstUnit = units[0];
    if (!firstUnit) throw new Error("no unit made");
    const overview = JSON.parse((await app.call(national, "/api/national/overview?year=2025")).text);
    const province =
      `The province measured has ${units.length} units, two blocs (one with a criteria table and its 2025 ` +
      `launched with 30 members); the national overview lists ${overview.items.length === 1 ? "it alone" : `${overview.items.length} provinces`}.`;

    progress(`bench: cold starts (${elapsed()})…`);
    const cold = await measureApiColdStarts({
      api: api.entry,
      bare: bare.entry,
      storage,
      idp: app.idp,
      board,
      repeats: options.repeats,
    });

    progress(`bench: requests per route (${elapsed()})…`);
    const routes: RouteFigures[] = [];
    for (const route of mainRoutes(board, bloc.blocId, firstUnit)) {
      routes.push(await measureRoute(app, storage, route, options));
      progress(`  ${route.label} (${elapsed()})`);
    }

    progress(`bench: lists as they grow (${elapsed()})…`);
    const scaling = await measureScaling(app, storage, {
      unitCounts: [...options.unitCounts],
      auditCounts: [...options.auditCounts],
      concurrency: options.fillConcurrency,
      requests: options.requests,
      repeats: options.repeats,
      progress,
    });
    results = {
      date: new Date().toISOString().slice(0, 10),
      machine: machine(),
      quick: options.quick,
      repeats: options.repeats,
      requests: options.requests,
      bundles,
      bare,
      cold,
      ...(cold.unitsStatus !== undefined && cold.unitsStatus !== 200
        ? { coldUnitsNote: `\`GET /api/units\` answered ${cold.unitsStatus}, not 200: its time is not a page's.` }
        : {}),
      routes,
      province,
      capacityReported: storage.recording.capacityReported(),
      scaling,
    };
  } finally {
    await storage.stop();
  }

  let rss: RssFigures | undefined;
  let rssNote: string | undefined;
  if (options.skipRss) rssNote = "Left out of this run (BENCH_SKIP_RSS=1).";
  else {
    progress(`bench: memory of npm start, ${options.rssRepeats} start(s) seeding the demo (${elapsed()})…`);
    try {
      rss = await measureRss(options.rssRepeats, progress);
    } catch (error) {
      rssNote = `Not measured: ${(error as Error).message.split("\n")[0]}`;
    }
  }

  const full: Results = {
    ...results,
    ...(rss ? { rss } : {}),
    ...(rssNote ? { rssNote } : {}),
    cost: costPer1000(results.routes),
  };
  const performance_ = performanceReport(full);
  const cost = costReport(full);
  console.log(`${performance_}\n\n## Cost per 1,000 requests\n\n${cost}`);
  if (!options.dryRun) {
    writeSection(performanceSection, performance_);
    writeSection(costSection, cost);
    progress(`bench: written into docs/performance.md and docs/deploy.md (${elapsed()})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
