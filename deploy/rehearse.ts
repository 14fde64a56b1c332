/*
 * npm run deploy:rehearse: everything a deploy does short of AWS. Synthesizes every stack of sst.config.ts
 * offline (SST bundles every function as `sst deploy` would) under the AWS Solutions rules (cdk-nag), lints
 * the templates with cfn-lint when it is installed, then holds each of our functions to its stack: the
 * variables it needs are set and none is misspelt, its bundle loads in a fresh Node process with only those
 * variables and Lambda's own, it exports its handler, its cold start is within budget, and the API answers a
 * health check. Exits 1 on any problem.
 */
import { existsSync } from "node:fs";
import { httpEvent } from "../infra/http-event.ts";
import { checkBestPractices, unacceptedFindings } from "../infra/nag.ts";
import { synthesize } from "../infra/synthesize.ts";
import { useDashboardSource } from "../infra/web.ts";
import config from "../sst.config.ts";
import { loadRehearsalEnv } from "./env.ts";
import { environmentProblems, functionsOf, lintTemplates, loadFunction } from "./rehearsal.ts";

const env = loadRehearsalEnv();
const started = Date.now();
// The dashboard `npm run build` made is used as it is; without one, SST builds it as a deploy would.
if (existsSync("web/dist/index.html")) useDashboardSource({ path: "web", buildOutput: "dist" });

console.log(`Rehearsing a deploy of stage "${env.STAGE}": synthesizing every stack and bundling every function…`);
const synthesized = await synthesize((app) => config.stacks(app), {
  stage: env.STAGE,
  beforeSynthesis: checkBestPractices,
});
const findings = unacceptedFindings(synthesized.app);
const functions = functionsOf(synthesized);
const lambdas = [...synthesized.templates.values()].reduce(
  (n, t) => n + Object.keys(t.findResources("AWS::Lambda::Function")).length,
  0,
);
console.log(
  `${synthesized.templates.size} stacks synthesized in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
    `${functions.length} functions of ours (${lambdas - functions.length} more are CDK's and SST's own helpers)`,
);

console.log(
  findings.length === 0
    ? "ok   AWS Solutions rules (cdk-nag): every finding accepted with its reason"
    : `FAIL AWS Solutions rules (cdk-nag): ${findings.length} finding(s) not accepted (infra/accept-findings.ts)`,
);
for (const finding of findings) console.log(`     ${finding}`);

const lint = await lintTemplates(synthesized.templates);
if (!lint.available) console.log("--   cfn-lint is not installed (pip install cfn-lint): templates not linted");
else
  console.log(
    `${lint.errors.length === 0 ? "ok  " : "FAIL"} cfn-lint: ${lint.errors.length} error(s), ${lint.warnings} warning(s)`,
  );
for (const error of lint.errors) console.log(`     ${error}`);

/** The one event each function is asked to answer, where it can answer without AWS. */
const probes: Record<string, { event: unknown; statusCode: number }> = {
  api: { event: httpEvent("GET", "/api/health"), statusCode: 200 },
};

let failures = findings.length + lint.errors.length;
for (const fn of functions) {
  const probe = probes[fn.name];
  const loaded = await loadFunction(fn, probe);
  const problems = [...environmentProblems(fn), ...loaded.problems];
  failures += problems.length;
  console.log(
    `${problems.length === 0 ? "ok  " : "FAIL"} ${fn.name} (${fn.id}): ${Object.keys(fn.environment).length} variables, ` +
      `${loaded.coldKiB.toFixed(0)} KiB loaded at a cold start` +
      (loaded.statusCode === undefined ? "" : `, ${probe ? "GET /api/health" : "event"} answered ${loaded.statusCode}`),
  );
  for (const problem of problems) console.log(`     ${problem}`);
}
if (functions.length === 0) {
  console.log("FAIL no function of ours was found in the synthesized stacks");
  failures += 1;
}
console.log(failures === 0 ? "Rehearsal passed." : `Rehearsal failed: ${failures} problem(s).`);
process.exit(failures === 0 ? 0 : 1);
