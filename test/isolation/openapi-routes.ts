import type { Role } from "@thidua/core/actor";

/** One operation of the API as the OpenAPI document describes it. */
export interface DocumentedRoute {
  method: string;
  /** OpenAPI template, e.g. `/api/tenants/{tenantId}`. */
  path: string;
  roles?: Role[];
  isPublic: boolean;
  params: string[];
  /** The JSON schema of the request body, if any. */
  body?: Schema;
  /** The query parameters the operation requires, with their schemas. */
  requiredQuery: Record<string, Schema>;
  /** Every query parameter it takes. */
  query: { name: string; required: boolean; schema: Schema }[];
  /** The codes its 400 answer documents besides the schema's (rules a schema cannot express). */
  refusals: string[];
}

interface Operation {
  "x-roles"?: Role[];
  "x-public"?: boolean;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: { "application/json"?: { schema?: Schema } } };
  responses?: Record<string, { description?: string }>;
}

/** Lists every operation of the document; the matrix is generated from this, never from a hand-kept list. */
export function routesOf(doc: { paths: Record<string, Record<string, Operation>> }): DocumentedRoute[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      roles: op["x-roles"],
      isPublic: op["x-public"] === true,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
      body: op.requestBody?.content?.["application/json"]?.schema,
      requiredQuery: Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === "query" && p.required).map((p) => [p.name, p.schema ?? {}]),
      ),
      query: (op.parameters ?? [])
        .filter((p) => p.in === "query")
        .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
      refusals: [...(op.responses?.["400"]?.description ?? "").matchAll(/`([a-z0-9_]+(?:\.[a-z0-9_]+)+)`/g)].map(
        (m) => m[1] as string,
      ),
    })),
  );
}

/** Fills a path template with values for its parameters, and the query parameters it requires with samples. */
export function fillPath(route: DocumentedRoute, values: Record<string, string>, doc: Document = {}): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`No isolation fixture for path parameter {${name}}: add one in fixtures.ts`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(
    Object.entries(route.requiredQuery).map(([name, schema]) => [name, String(sampleOf(schema, doc))]),
  ).toString();
  return query ? `${path}?${query}` : path;
}

type Document = { components?: { schemas?: Record<string, Schema> } };

export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  examples?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  required?: string[];
  minProperties?: number;
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  multipleOf?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
};

/**
 * A value that satisfies a request body schema of the document, so a call from
 * the wrong province passes validation and meets the tenant check itself.
 * Every property is filled (optional ones too), so "change something" rules hold.
 */
export function sampleOf(schema: Schema, doc: { components?: { schemas?: Record<string, Schema> } }): unknown {
  if (schema.$ref) return sampleOf(doc.components?.schemas?.[schema.$ref.split("/").pop() as string] ?? {}, doc);
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return sampleOf(variants.find((v) => v.type !== "null") ?? (variants[0] as Schema), doc);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, doc)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sampleOf(v, doc)]));
    case "array":
      // As few items as allowed (none, most often); a list that needs one gets distinct items when they can be.
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, doc));
    case "integer":
    case "number": {
      // The middle of the allowed range satisfies both bounds, exclusive ones included.
      const lo = schema.minimum ?? schema.exclusiveMinimum ?? 1;
      const hi = schema.maximum ?? schema.exclusiveMaximum;
      const mid = hi === undefined ? Math.max(lo, 1) : (lo + hi) / 2;
      return type === "integer" ? Math.ceil(mid) : mid;
    }
    case "boolean":
      return false;
    case "string":
      if (schema.format === "date") return "2025-01-01";
      if (schema.format === "email") return "sample@example.vn";
      return "x".repeat(Math.max(schema.minLength ?? 1, 2));
    default:
      return null;
  }
}
