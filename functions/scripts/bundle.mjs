// Bundles each Lambda entry into one minified ESM file and prints its size.
import { statSync } from "node:fs";
import { build } from "esbuild";

const entries = ["api", "aggregate", "documents"];
for (const name of entries) {
  const outfile = `dist/lambda/${name}.mjs`;
  await build({
    entryPoints: [`src/lambda/${name}.ts`],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: "linked",
    platform: "node",
    target: "node22",
    format: "esm",
    // The Lambda runtime ships the AWS SDK v3, but pinning our own keeps behaviour identical to tests.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: "warning",
  });
  console.log(`${outfile}: ${(statSync(outfile).size / 1024).toFixed(1)} KiB`);
}
