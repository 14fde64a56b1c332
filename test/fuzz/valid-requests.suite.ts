import type { Actor, Role } from "@thidua/core/actor";
import {
  bearer,
  conformance,
  conformanceOf,
  freshTenant,
  operator,
  readJson,
  requestCheckerOf,
  testApp,
} from "@thidua/test/support";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolationFixtures } from "../isolation/fixtures.ts";
import { type DocumentedRoute, routesOf } from "../isolation/openapi-routes.ts";
import { arbitraryOf, type Known } from "./arbitrary.ts";

/*
 * The document is the validation: requests whose body and query are made from its request schemas
 * alone, as a client generated from it would send them, by the roles each operation allows, on a
 * province whose resources exist (path parameters name them; ids in bodies name them mostly). The API may refuse them for the state they meet (404, 409…), never as malformed:
 * no 400 `request.invalid` or `request.malformed`, and a 400 of any other code only if the operation's
 * 400 answer documents that code among the rules a schema cannot express. Each body is first checked
 * against the schema it came from, so the generator cannot drift from the document unnoticed.
 */
const SEED = 20_261_207;
const RUNS_PER_ROUTE = 30;

const app = await testApp();
const doc = await readJson(await app.request("/api/openapi.json"));
const conforms = conformanceOf(doc);
const fits = requestCheckerOf(doc);

let fx: Awaited<ReturnType<typeof isolationFixtures>>;
/** The path parameters: province A's resources, but a province of its own for the operators' edits. */
let params: Record<string, string> = {};
let known: Known = {};
beforeAll(async () => {
  fx = await isolationFixtures();
  // A valid request may suspend or archive the province it names, which would close A to the rest.
  params = { ...fx.paramsOfA, tenantId: (await freshTenant("valid-t")).tenantId };
  known = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, [value]]));
});

const histogram = new Map<string, number>();
let requests = 0;
/** The operations sent to, and those that answered a success at least once: for the record. */
const sentTo = new Set<string>();
const succeeded = new Set<string>();
afterAll(() => {
  const counts = [...histogram].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}: ${n}`);
  console.log(
    `valid requests: ${requests}, seed ${SEED}, ${conformance.checked} answers checked; ${counts.join(", ")}`,
  );
  const never = [...sentTo].filter((operation) => !succeeded.has(operation));
  console.log(
    `valid requests: ${succeeded.size} of ${sentTo.size} operations succeeded at least once; not: ${never.join(", ")}`,
  );
});

const national: Actor = { userId: "nat-valid", email: "nat@valid.test", name: "National", role: "national" };
const actorOf = (role: Role): Actor =>
  role === "operator" ? operator : role === "national" ? national : fx.a.actor(role);

/** The query string: the parameters it requires, and each optional one half the time. */
const queryOf = (route: DocumentedRoute): fc.Arbitrary<string> =>
  fc
    .tuple(
      ...route.query.map(({ name, required, schema }) => {
        const value = arbitraryOf(schema, doc, known, name).map((v): [string, string] => [name, String(v)]);
        return required ? value : fc.option(value, { nil: undefined });
      }),
    )
    .map((pairs) => {
      const query = new URLSearchParams(pairs.filter((pair) => pair !== undefined)).toString();
      return query ? `?${query}` : "";
    });

async function send(route: DocumentedRoute, role: Role, query: string, body: unknown) {
  if (route.body) expect(fits(route.body, body), "the generator made a body its schema refuses").toBeUndefined();
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));
  const sent = route.body ? JSON.stringify(body) : undefined;
  const res = await app.request(`${path}${query}`, {
    method: route.method,
    headers: { ...(await bearer(actorOf(role))), ...(sent ? { "content-type": "application/json" } : {}) },
    ...(sent ? { body: sent } : {}),
  });
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  const json = isJson ? await res.json() : undefined;
  requests++;
  sentTo.add(`${route.method} ${route.path}`);
  if (res.status < 300) succeeded.add(`${route.method} ${route.path}`);
  const code: string | undefined = json?.error?.code;
  const outcome = code ? `${res.status} ${code}` : String(res.status);
  histogram.set(outcome, (histogram.get(outcome) ?? 0) + 1);
  const request = `${route.method} ${path}${query} as ${role}, body ${sent?.slice(0, 300)}`;
  expect(res.status, `${request}: ${JSON.stringify(json)?.slice(0, 400)}`).toBeLessThan(500);
  if (res.status === 400) {
    // A rule of the schemas, or one the operation does not document, is a lie of the document.
    const fields: { message: string; rule?: string }[] = json?.error?.fields ?? [];
    const refusedAs =
      code === "request.invalid" && fields.length && fields.every((f) => f.rule === undefined || f.rule === "custom")
        ? fields.map((f) => f.message)
        : [code];
    for (const refusal of refusedAs)
      expect(route.refusals, `${request} answered ${JSON.stringify(json)?.slice(0, 400)}`).toContain(refusal);
  }
  conforms(route.method, path, res.status, json);
}

/** Every other operation of the document, starting at `part`: two files, so both workers share the suite. */
export function validRequestsPart(part: 0 | 1) {
  const routes = routesOf(doc).filter((_, i) => i % 2 === part);
  describe.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("valid requests to %s", (_, route) => {
    it("are never refused as malformed, nor by a rule its document does not state", async () => {
      const allowed = (route.roles?.length ? route.roles : ["board"]) as Role[];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...allowed),
          queryOf(route),
          route.body ? arbitraryOf(route.body, doc, known) : fc.constant(undefined),
          (role, query, body) => send(route, role, query, body),
        ),
        { seed: SEED, numRuns: RUNS_PER_ROUTE },
      );
    }, 300_000);
  });
}
