import type { Actor, Role } from "@thidua/core/actor";
import { configureDb } from "@thidua/core/db";
import { bearer, conformanceOf, operator, readJson, requestCheckerOf, testApp } from "@thidua/test/support";
import { demoTemplate } from "@thidua/test/support/demo-template";
import { beforeAll, describe, expect, it } from "vitest";
import { routesOf, type Schema, sampleOf } from "../isolation/openapi-routes.ts";

/*
 * The document's examples are true: each fits its own schema, and the path parameters' examples name the
 * demo's data (An Giang's association bloc, its 2022 year, voted and proposed), so a newcomer trying an
 * operation from the reference on `npm start` gets an answer, not a 404.
 */

/** Ids the demo makes anew each time it is seeded: no example can name them. */
const FRESH_IDS = new Set(["userId", "importId", "fileId", "jobId"]);

const app = await testApp();
const doc = await readJson(await app.request("/api/openapi.json"));
const fits = requestCheckerOf(doc);
const conforms = conformanceOf(doc);

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: Schema;
}
const parametersOf = (path: string, method: string): Parameter[] =>
  doc.paths[path][method.toLowerCase()].parameters ?? [];
const exampleOf = (p: Parameter) => p.example ?? p.schema?.example;

beforeAll(async () => {
  // Reads only: the run's demo template, as `npm start` seeds it.
  const { client, tableName } = await demoTemplate();
  configureDb({ tableName, client });
});

describe("the document's examples", () => {
  it("fit their own schemas, parameters and components alike", () => {
    const examples: [string, Schema, unknown][] = [];
    const walk = (node: unknown, where: string) => {
      if (typeof node !== "object" || node === null) return;
      const schema = node as Schema & Record<string, unknown>;
      if ("example" in schema && ("type" in schema || "$ref" in schema)) {
        const { example, ...rest } = schema;
        examples.push([where, rest, example]);
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${where}/${key}`);
    };
    walk(doc.components, "#/components");
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item as object))
        for (const p of parametersOf(path, method))
          if (exampleOf(p) !== undefined && p.schema)
            examples.push([`${method} ${path} ${p.name}`, p.schema, exampleOf(p)]);
    expect(examples.length).toBeGreaterThan(20);
    const misfits = examples.flatMap(([where, schema, example]) => {
      const why = fits(schema, example);
      return why ? [`${where}: ${JSON.stringify(example)}: ${why}`] : [];
    });
    expect(misfits).toEqual([]);
  });

  it("name the demo's data: every page read with them answers 200", async () => {
    const pages = routesOf(doc).filter(
      (r) => r.method === "GET" && r.params.length && !r.params.some((p) => FRESH_IDS.has(p)),
    );
    expect(pages.length).toBeGreaterThan(10);
    const answers: string[] = [];
    for (const route of pages) {
      const params = parametersOf(route.path, route.method);
      const values = Object.fromEntries(
        params.filter((p) => p.in === "path").map((p) => [p.name, String(exampleOf(p))]),
      );
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
      const query = new URLSearchParams(
        params
          .filter((p) => p.in === "query" && p.required)
          .map((p) => [p.name, String(exampleOf(p) ?? sampleOf(p.schema ?? {}, doc))]),
      ).toString();
      const url = query ? `${path}?${query}` : path;
      const role = (route.roles?.includes("board") ? "board" : route.roles?.[0]) as Role;
      const inProvince = role === "board" || role === "council" || role === "unit";
      const actor: Actor =
        role === "operator"
          ? operator
          : {
              userId: `demo-${role}`,
              email: `${role}@demo.test`,
              name: role,
              role,
              ...(inProvince ? { tenantId: "an-giang" } : {}),
            };
      const res = await app.request(url, { headers: await bearer(actor) });
      const json = (res.headers.get("content-type") ?? "").includes("json") ? await res.json() : undefined;
      conforms(route.method, path, res.status, json);
      answers.push(`${res.status} GET ${url} as ${role}${res.status === 200 ? "" : `: ${JSON.stringify(json)}`}`);
    }
    expect(answers.filter((answer) => !answer.startsWith("200"))).toEqual([]);
  });
});
