import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** The source files an entry's bundle holds, as esbuild resolves them. */
async function inputsOf(entry: string) {
  const { metafile } = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    logLevel: "silent",
  });
  return Object.keys(metafile.inputs);
}

describe("the documents function", () => {
  it("holds the Word and Excel generators, which the API's bundle leaves out", async () => {
    const [api, documents] = await Promise.all([inputsOf("./api.ts"), inputsOf("./documents.ts")]);
    const generators = (inputs: string[]) =>
      inputs.filter((p) => p.includes("packages/documents/") || p.includes("node_modules/docx/"));
    expect(generators(documents).length).toBeGreaterThan(0);
    expect(generators(api)).toEqual([]);
    expect(api.some((p) => p.includes("@aws-sdk/client-lambda"))).toBe(true);
  });
});
