import { rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type Plugin as EsbuildPlugin } from "esbuild";
import type { NodeJSProps } from "sst/constructs";

/** A plugin as SST's esbuild takes it (its own version; the bundle script's agrees on onResolve and onLoad). */
type Plugin = NonNullable<NonNullable<NodeJSProps["esbuild"]>["plugins"]>[number];

/**
 * zod brings its 40-odd message locales through the `locales` namespace it exports, about 260 KB of the
 * API's bundle; the API answers with English codes that the dashboard translates, so English alone stays.
 */
export const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /(^|\/)locales\/index\.js$/ }, (args) =>
      args.importer.includes("/node_modules/zod/")
        ? { path: resolve(args.resolveDir, args.path), namespace: "zod-english-only" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

/**
 * How SST bundles every function (its `nodejs` props), and how `npm run build` measures them: minified
 * ESM, and split, so that what few requests need (exceljs for an import, a client of a service used
 * rarely) is a chunk loaded on first use rather than code every cold start compiles.
 */
export const lambdaNodejs = {
  format: "esm" as const,
  minify: true,
  sourcemap: false,
  splitting: true,
  esbuild: { plugins: [zodEnglishOnly] },
};

/**
 * The most each function may load at a cold start (its entry and the chunks it imports statically), in
 * KiB: `npm run build` fails past it. Set just above today's sizes so none grows unnoticed; the API's goal
 * is 400 (docs/performance.md says what stands in the way).
 */
export const coldStartBudgetsKiB: Record<string, number> = { api: 1_150, aggregate: 800, documents: 250, archive: 850 };

const root = fileURLToPath(new URL("..", import.meta.url));

/** A function's bundle: what a cold start loads (the entry and its static chunks) and what loads on use. */
export interface FunctionBundle {
  entry: string;
  coldBytes: number;
  /** The source files bundled into what a cold start loads. */
  coldInputs: string[];
  onUse: { file: string; bytes: number }[];
}

/** The options SST's Node.js runtime passes to esbuild, with the stacks' `nodejs` props above: add an entry and outdir. */
export const esbuildAsSst = {
  platform: "node",
  bundle: true,
  keepNames: true,
  metafile: true,
  mainFields: ["module", "main"],
  target: "esnext",
  outExtension: { ".js": ".mjs" },
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  format: lambdaNodejs.format,
  minify: lambdaNodejs.minify,
  splitting: lambdaNodejs.splitting,
  // SST's esbuild is older than this one; the plugins use only what both versions share.
  plugins: lambdaNodejs.esbuild.plugins as unknown as EsbuildPlugin[],
  logLevel: "warning",
} as const satisfies BuildOptions;

/**
 * Bundles one Lambda entry (`functions/src/lambda/<name>.ts`) into `outdir` as SST does: the options its
 * Node.js runtime passes to esbuild, with the stacks' `nodejs` props above.
 */
export async function bundleFunction(name: string, outdir: string): Promise<FunctionBundle> {
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    ...esbuildAsSst,
    entryPoints: [`${root}functions/src/lambda/${name}.ts`],
    outdir,
  });
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint?.endsWith(`lambda/${name}.ts`));
  if (!entry) throw new Error(`esbuild wrote no entry for ${name}`);
  const cold = new Set<string>();
  const visit = (file: string) => {
    if (cold.has(file)) return;
    cold.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  const bytesOf = (file: string) => outputs[file]?.bytes ?? 0;
  return {
    entry: resolve(root, entry),
    coldBytes: [...cold].reduce((sum, file) => sum + bytesOf(file), 0),
    coldInputs: [...cold].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {})),
    onUse: Object.keys(outputs)
      .filter((file) => !cold.has(file))
      .map((file) => ({ file, bytes: bytesOf(file) }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
