/*
 * `npm run build`: bundles each Lambda entry as SST does into functions/dist/lambda/<name>/, prints what a
 * cold start loads and what loads on use, and fails when a function exceeds its cold-start budget.
 */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleFunction, coldStartBudgetsKiB } from "./bundling.ts";

const dist = fileURLToPath(new URL("../functions/dist/lambda/", import.meta.url));
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
let over = 0;
for (const [name, budget] of Object.entries(coldStartBudgetsKiB)) {
  const bundle = await bundleFunction(name, `${dist}${name}`);
  const exceeds = bundle.coldBytes / 1024 > budget;
  const onUse = bundle.onUse.reduce((sum, chunk) => sum + chunk.bytes, 0);
  console.log(
    `${name}: ${kib(bundle.coldBytes)} KiB loaded at a cold start (budget ${budget} KiB${exceeds ? ", OVER BUDGET" : ""}); ` +
      `${bundle.onUse.length} chunks loaded on use, ${kib(onUse)} KiB`,
  );
  for (const chunk of bundle.onUse.slice(0, 3))
    console.log(`  on use: ${basename(chunk.file)} ${kib(chunk.bytes)} KiB`);
  if (exceeds) over += 1;
}
if (over > 0) {
  console.error(`${over} Lambda function(s) over their cold-start budget (infra/bundling.ts)`);
  process.exit(1);
}
