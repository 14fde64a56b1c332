import type { Actor, Role } from "@thidua/core/actor";
import { roles } from "@thidua/core/actor";
import { bearer, conformance, conformanceOf, operator, readJson, testApp } from "@thidua/test/support";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolationFixtures } from "../isolation/fixtures.ts";
import { type DocumentedRoute, routesOf, sampleOf } from "../isolation/openapi-routes.ts";

/*
 * The fuzz suite: every operation of the OpenAPI document, called by every role and by nobody, with
 * requests made from its own schema and then spoiled (wrong types, missing and extra fields, boundary
 * numbers, hostile strings, malformed JSON, bad cursors, odd headers). Whatever comes in, the API
 * answers without a 5xx, within seconds, and without a stack trace or a database key in its body.
 * The seed is fixed; fast-check prints it, and the request that failed, when a property does not hold.
 */
const SEED = 20_251_129;
/** Random requests per route, after the sweep of every hostile value through every field. */
const RUNS_PER_ROUTE = 60;
/** A ceiling for a loaded machine, not a speed target: the bench measures speed. */
const SLOW_MS = 8_000;

const app = await testApp();
const doc = await readJson(await app.request("/api/openapi.json"));
/** Every answer, however spoiled the request, must be one its operation documents, fitting its schema. */
const conforms = conformanceOf(doc);

let fx: Awaited<ReturnType<typeof isolationFixtures>>;
beforeAll(async () => {
  fx = await isolationFixtures();
});

/** What the runs met, for the record: status → count. */
const histogram = new Map<number, number>();
let requests = 0;
afterAll(() => {
  const counts = [...histogram].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  console.log(
    `fuzz: ${requests} requests, seed ${SEED}, ${conformance.checked} answers checked against the document; ${counts.join(", ")}`,
  );
});

const national: Actor = { userId: "nat-fuzz", email: "nat@fuzz.test", name: "National", role: "national" };
const callerOf = (role: Role | "nobody"): Actor | undefined =>
  role === "nobody" ? undefined : role === "operator" ? operator : role === "national" ? national : fx.a.actor(role);

const HOSTILE = [
  "",
  " ",
  "\u0000",
  "Sở \u202eụv iộN",
  "\ud800",
  "\u200b\u200b",
  "'; DROP TABLE units; --",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "T#another-province#UNITS",
  ["$", "{tenantId}"].join(""),
  "%00%2F",
  "\\",
  "null",
  "x".repeat(5000),
  // Well formed but longer than any key may be: an address, an id.
  `${"a".repeat(2100)}@an-giang.test`,
  `so-${"noi-vu-".repeat(300)}`,
  "Ủy ban nhân dân ".repeat(400),
  "2025-02-30",
  "9".repeat(400),
];
const hostile = fc.constantFrom(...HOSTILE);
const oddNumber = fc.constantFrom(-1, 0, 1, 1.5, -0, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308);
const anyValue = fc.oneof(hostile, oddNumber, fc.jsonValue({ maxDepth: 3 }), fc.constant(null), fc.constant([]));

type Body = { json: unknown } | { raw: string } | undefined;

/** A request body: the schema's own sample, or that sample spoiled, or not JSON at all. */
const bodyFor = (route: DocumentedRoute): fc.Arbitrary<Body> => {
  if (!route.body)
    return fc.oneof(
      fc.constant(undefined),
      anyValue.map((json) => ({ json })),
    );
  const sample = sampleOf(route.body, doc) as Record<string, unknown>;
  const keys = typeof sample === "object" && sample ? Object.keys(sample) : [];
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant("name");
  return fc.oneof(
    fc.constant({ json: sample }),
    key.map((k) => ({ json: Object.fromEntries(Object.entries(sample).filter(([name]) => name !== k)) })),
    fc.tuple(fc.string({ maxLength: 20 }), anyValue).map(([k, v]) => ({ json: { ...sample, [k]: v } })),
    fc.tuple(key, anyValue).map(([k, v]) => ({ json: { ...sample, [k]: v } })),
    anyValue.map((json) => ({ json })),
    fc.constantFrom('{"name":', "{", "[1,2", "undefined", "\u0000", '{"version":1}}').map((raw) => ({ raw })),
  );
};

/** Percent-encoded; a lone surrogate becomes the bytes a client could still send (not UTF-8). */
const encoded = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
};

/** Path parameters: province A's own resources mostly, hostile text sometimes. */
const pathFor = (route: DocumentedRoute): fc.Arbitrary<string> =>
  fc
    .tuple(...route.params.map(() => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, hostile)))
    .map((spoiled) =>
      route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = spoiled[route.params.indexOf(name)] ?? fx.paramsOfA[name] ?? "x";
        return encoded(value);
      }),
    );

const queryNames = ["q", "limit", "cursor", "entity", "entityId", "actorId", "from", "to"];
const queryFor = fc
  .array(fc.tuple(fc.constantFrom(...queryNames), fc.oneof(hostile, oddNumber.map(String))), { maxLength: 3 })
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs)}` : ""));

const contentType = fc.constantFrom(
  "application/json",
  "application/json",
  "text/plain",
  "application/json; charset=utf-16",
  "multipart/form-data; boundary=x",
  undefined,
);
const oddAuthorization = fc.constantFrom(undefined, "Basic b3BzOnRoaWR1YQ==", "Bearer", "Bearer x.y.z", "bearer  ");

/**
 * Text only the server's inside could have written: a stack frame, a source path, a database attribute,
 * or a real key (hostile names such as "T#another-province#UNITS" may be stored and shown as data).
 */
function leaks(text: string): string | undefined {
  if (/\n\s+at \S+ \(/.test(text) || /node_modules|\.ts:\d+|file:\/\//.test(text)) return "a stack trace";
  if (/__edb_|"(pk|sk|gsi1pk|gsi1sk)"/.test(text)) return "a database attribute";
  const keys = [`T#${fx.a.tenantId}#`, `T#${fx.b.tenantId}#`, "P#TENANT", "P#IDENTITY", "P#AUDIT", "N#20"];
  if (keys.some((key) => text.includes(key))) return "a key";
  return undefined;
}

/** One request, and what must hold of its answer whatever was sent. */
async function send(
  route: DocumentedRoute,
  { role, path, query = "", body, type = "application/json", authorization }: Request,
) {
  const actor = callerOf(role);
  const headers: Record<string, string> = {
    ...(actor ? await bearer(actor) : authorization ? { authorization } : {}),
    ...(type ? { "content-type": type } : {}),
  };
  const sent = body === undefined ? undefined : "raw" in body ? body.raw : (JSON.stringify(body.json) ?? "null");
  const started = performance.now();
  const res = await app.request(`${path}${query}`, {
    method: route.method,
    headers,
    ...(sent !== undefined && route.method !== "GET" ? { body: sent } : {}),
  });
  // A file (the import template) is bytes, not text that could leak anything.
  const isFile = !(res.headers.get("content-type") ?? "").match(/json|text/);
  const text = isFile ? "" : await res.text();
  const elapsed = performance.now() - started;
  requests++;
  histogram.set(res.status, (histogram.get(res.status) ?? 0) + 1);
  const request = `${route.method} ${path}${query} as ${role}, body ${sent?.slice(0, 120)}`;
  expect(res.status, `${request}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(elapsed, `${request} took ${Math.round(elapsed)} ms`).toBeLessThan(SLOW_MS);
  expect(leaks(text), `${request}: ${text.slice(0, 300)}`).toBeUndefined();
  const json = !isFile && (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : undefined;
  conforms(route.method, path, res.status, json);
}

interface Request {
  role: Role | "nobody";
  path: string;
  query?: string;
  body?: Body;
  type?: string | undefined;
  authorization?: string | undefined;
}

/** Fuzzes every other route of the document, starting at `part` (0 or 1): two files, so both workers share the suite. */
export function fuzzPart(part: 0 | 1) {
  const routes = routesOf(doc).filter((_, i) => i % 2 === part);
  describe.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("fuzzing %s", (_, route) => fuzzRoute(route));
}

function fuzzRoute(route: DocumentedRoute) {
  // Mostly the roles the route allows, so requests get past the gate to the input checks and beyond.
  const allowed = route.roles?.length ? route.roles : roles;

  it("takes every hostile value in every field, parameter and query without a 5xx or a leak", async () => {
    const role = allowed[0] as Role;
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encoded(fx.paramsOfA[name] ?? "x"));
    const sample = route.body ? (sampleOf(route.body, doc) as Record<string, unknown>) : undefined;
    for (const value of HOSTILE) {
      for (const key of Object.keys(sample ?? {}))
        await send(route, { role, path, body: { json: { ...sample, [key]: value } } });
      for (const name of route.params) {
        const spoiled = route.path.replace(/\{(\w+)\}/g, (_, param: string) =>
          encoded(param === name ? value : (fx.paramsOfA[param] ?? "x")),
        );
        await send(route, { role, path: spoiled, ...(sample ? { body: { json: sample } } : {}) });
      }
      if (route.method === "GET")
        for (const name of queryNames)
          await send(route, { role, path, query: `?${new URLSearchParams({ [name]: value })}` });
    }
  }, 300_000);

  it("never answers 5xx, never hangs, never shows its inside, whatever the request", async () => {
    const caller = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom<Role | "nobody">(...allowed) },
      { weight: 1, arbitrary: fc.constantFrom<Role | "nobody">("nobody", ...roles) },
    );
    await fc.assert(
      fc.asyncProperty(
        caller,
        pathFor(route),
        queryFor,
        bodyFor(route),
        contentType,
        oddAuthorization,
        (role, path, query, body, type, authorization) => send(route, { role, path, query, body, type, authorization }),
      ),
      { seed: SEED, numRuns: RUNS_PER_ROUTE },
    );
  }, 300_000);
}
