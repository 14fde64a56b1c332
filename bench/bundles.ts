import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { bundleFunction, esbuildAsSst, type FunctionBundle } from "../infra/bundling.ts";

export const functionNames = ["api", "aggregate", "documents"] as const;

export interface BundleSizes {
  name: string;
  coldBytes: number;
  onUseBytes: number;
  entry: string;
}

const sizesOf = (name: string, bundle: FunctionBundle): BundleSizes => ({
  name,
  coldBytes: bundle.coldBytes,
  onUseBytes: bundle.onUse.reduce((sum, chunk) => sum + chunk.bytes, 0),
  entry: bundle.entry,
});

/** Each Lambda function bundled as SST bundles it (infra/bundling.ts), into `dir/<name>`. */
export async function bundleFunctions(dir: string): Promise<BundleSizes[]> {
  const sizes: BundleSizes[] = [];
  for (const name of functionNames) sizes.push(sizesOf(name, await bundleFunction(name, join(dir, name))));
  return sizes;
}

const repository = fileURLToPath(new URL("..", import.meta.url));

/** The smallest Hono function there is: one GET route behind the same Lambda adapter as the API's. */
const bareEntry = `import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
const app = new Hono().get("/api/health", (c) => c.json({ status: "ok" }));
export const handler = handle(app);
`;

/**
 * The bare function, bundled with the options bundleFunction passes to esbuild, so that the cold-start
 * ratio compares code loaded, not bundler settings.
 */
export async function bundleBare(dir: string): Promise<BundleSizes> {
  const source = join(dir, "bare.ts");
  writeFileSync(source, bareEntry);
  const outdir = join(dir, "bare");
  const { metafile } = await build({
    ...esbuildAsSst,
    entryPoints: [source],
    outdir,
    // The entry lives outside the repository: resolve hono from the functions' own dependencies.
    nodePaths: [join(repository, "functions/node_modules"), join(repository, "node_modules")],
  });
  const outputs = Object.entries(metafile.outputs);
  const entry = outputs.find(([, output]) => output.entryPoint?.endsWith("bare.ts"))?.[0];
  if (!entry) throw new Error("esbuild wrote no entry for the bare function");
  const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  // Metafile paths are relative to the working directory.
  return { name: "bare Hono", coldBytes: bytes, onUseBytes: 0, entry: resolve(entry) };
}
