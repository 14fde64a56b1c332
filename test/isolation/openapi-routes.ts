import type { Role } from "@thidua/core/actor";

/** One operation of the API as the OpenAPI document describes it. */
export interface DocumentedRoute {
  method: string;
  /** OpenAPI template, e.g. `/api/tenants/{tenantId}`. */
  path: string;
  roles?: Role[];
  isPublic: boolean;
  params: string[];
  hasBody: boolean;
}

interface Operation {
  "x-roles"?: Role[];
  "x-public"?: boolean;
  requestBody?: unknown;
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
      hasBody: op.requestBody !== undefined,
    })),
  );
}

/** Fills a path template with values for its parameters. */
export function fillPath(route: DocumentedRoute, values: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`No isolation fixture for path parameter {${name}}: add one in fixtures.ts`);
    return encodeURIComponent(value);
  });
}
