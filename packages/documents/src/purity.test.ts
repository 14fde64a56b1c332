import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The generators take plain data and return bytes: they run in their own function, away from the API and
 * the database. Until the dependency rules name this package, this test holds the line.
 */

const root = new URL("..", import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")
        ? [join(dir, entry.name)]
        : [],
  );
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), "utf8").matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gms)].map(
    (m) => m[1] ?? "",
  );

/** Outside packages allowed: the two document libraries, zod, core's pure parts; fflate in test helpers only. */
const allowed = (file: string, specifier: string) =>
  specifier.startsWith(".") ||
  specifier.startsWith("node:") ||
  ["docx", "exceljs", "zod"].includes(specifier) ||
  /^@thidua\/core\/(text|[a-z-]+\/(rules|minutes|template)|document\/letterhead)$/.test(specifier) ||
  (file.startsWith("src/testing/") && specifier === "fflate");

describe("the documents package", () => {
  it("imports no database, API or dashboard code: only the document libraries and core's pure rules", () => {
    const files = [...sources("src"), ...sources("scripts")];
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !allowed(file, specifier))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
