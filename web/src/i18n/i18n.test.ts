import { errorCodes } from "@thidua/core/error";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import vi from "./vi.json";

/** Every key of a translation, plural forms (`count_one`, `count_other`) folded into one. */
function keysOf(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix.replace(/_(zero|one|two|few|many|other)$/, "")];
  return Object.entries(node).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

const has = (resource: unknown, path: string) =>
  typeof path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], resource) ===
  "string";

/** Codes the dashboard makes itself: no network, an answer that is not JSON. */
const clientCodes = ["network", "response.invalid"];

describe("translations", () => {
  it("have the same keys in Vietnamese and English", () => {
    const viKeys = new Set(keysOf(vi));
    const enKeys = new Set(keysOf(en));
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it("have a sentence in both languages for every error code the API can answer", () => {
    for (const code of [...errorCodes, ...clientCodes]) {
      expect(has(vi, `errors.${code}`), `vi: errors.${code}`).toBe(true);
      expect(has(en, `errors.${code}`), `en: errors.${code}`).toBe(true);
    }
  });
});
