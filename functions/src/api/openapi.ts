import type { OpenAPIHono } from "@hono/zod-openapi";
import { TEXT_FIELDS_RULE } from "@thidua/core/text";

/** What `doc31` takes to describe the document. */
type OpenAPIObjectConfig = Parameters<OpenAPIHono["getOpenAPI31Document"]>[0];
/** The version the document states. */
export const API_VERSION = "0.1.0";

/** The OpenAPI document's own description: what generated clients and integrators read first. */
export const openApiConfig = {
  openapi: "3.1.0",
  info: {
    title: "thidua API",
    version: API_VERSION,
    description:
      "Emulation and reward (thi đua, khen thưởng) for Vietnam's provinces. Every error answers " +
      "`{ error: { code, message, fields?, requestId } }` with a stable English `code`.\n\n" +
      TEXT_FIELDS_RULE,
    license: { name: "Proprietary: for the provinces and operators of this deployment" },
    contact: { name: "The operators of this deployment" },
  },
  servers: [{ url: "/", description: "This deployment (every path starts with /api)" }],
  tags: [
    { name: "platform", description: "Liveness" },
    { name: "auth", description: "Sign-in, sessions and passwords (the `/auth/local` routes exist only locally)" },
    { name: "operator", description: "The registry of provinces, managed by the platform's operators" },
    { name: "national", description: "Every province's figures per year, for the national viewer and the operators" },
    { name: "accounts", description: "A province's people, managed by its board" },
    { name: "units", description: "A province's member units and their import from Excel" },
    { name: "blocs", description: "Emulation blocs and clusters, their members and leaders per year" },
    {
      name: "cycle",
      description: "A launched bloc-year: phases and deadlines, registration, covenant, mid-year review",
    },
    { name: "scores", description: "Self-scoring with evidence, verification by criterion, and the ranking" },
    {
      name: "documents",
      description:
        "A bloc-year's documents as Word and Excel files and their HTML previews, and the letterhead they carry",
    },
    { name: "ballots", description: "The year-end vote: secret ballots, quorum and threshold, rounds" },
    { name: "proposals", description: "Award proposals within the quotas, and the board's queue" },
    { name: "criteria", description: "Versioned scoring criteria tables of a bloc" },
    { name: "award types", description: "Titles and forms of reward, with their prerequisites" },
    { name: "quotas", description: "How many of each award a bloc may propose in a year" },
    { name: "rules", description: "The province's and each bloc's rules (ballot, rotation, eligibility, scale)" },
    { name: "audit", description: "Trails of every change, the province's and the operators'" },
  ],
} satisfies OpenAPIObjectConfig;

type Document = { paths?: Record<string, object | undefined> };

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
/** `/api/units/{unitId}` → a pattern matching `/api/units/<anything but a slash>`. */
const patternOf = (template: string) =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join("[^/]+")}$`,
  );

/** For a request path, the methods the document gives it. */
export function documentedMethods(document: Document): (path: string) => string[] {
  const templates = Object.entries(document.paths ?? {}).map(([template, operations]) => ({
    pattern: patternOf(template),
    methods: Object.keys(operations ?? {}).map((method) => method.toUpperCase()),
  }));
  return (path) => [...new Set(templates.filter((t) => t.pattern.test(path)).flatMap((t) => t.methods))].sort();
}
