import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { Role } from "@thidua/core/actor";
import { ErrorBody } from "@thidua/core/error";
import { authorize } from "./middleware/authorize.ts";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

const errorResponses = {
  400: error("Invalid input; `fields` names each failing path"),
  401: error("Missing, invalid or expired token"),
  403: error("Signed in, but this role or province may not do this"),
  404: error("Not found in the caller's province"),
  409: error("Conflicts with the current state (stale version, duplicate)"),
  413: error("The body is larger than the limit"),
  500: error("An unexpected failure; the answer's request id finds it in the logs"),
} as const;
/** Only an operation with a body answers 415: a body sent as anything but what it documents. */
const bodyErrorResponses = { 415: error("The body is not sent as the content type the operation documents") } as const;

/** Who may call a route. Recorded in the OpenAPI document, which the isolation tests read. */
export type Access = { roles: readonly Role[] } | "public";

/** A route's configuration; its `operationId` (verb first: `listUnits`) names it in generated clients. */
type Config = Omit<RouteConfig, "middleware" | "security" | "operationId"> & { operationId: string };

/**
 * `createRoute` plus the access rule: the `authorize` middleware runs before
 * validation, and `x-roles` / `x-public` document it for clients and tests.
 */
export function defineRoute<const R extends Config>(access: Access, config: R) {
  const isPublic = access === "public";
  return createRoute({
    ...config,
    responses: { ...errorResponses, ...(config.request?.body ? bodyErrorResponses : {}), ...config.responses },
    ...(isPublic
      ? { security: [], "x-public": true }
      : { security: [{ bearer: [] }], "x-roles": access.roles, middleware: [authorize(access.roles)] as const }),
  } as R & { responses: R["responses"] & typeof errorResponses });
}

/** A path parameter schema: `{ [name]: string }`, documented with an example. */
export const pathParam = <N extends string>(name: N, example: string) =>
  z.object({
    [name]: z
      .string()
      .min(1)
      .max(120)
      .openapi({ param: { name, in: "path" }, example }),
  } as {
    [K in N]: z.ZodString;
  });

export const tenantIdParam = pathParam("tenantId", "an-giang");
export const blocIdParam = pathParam("blocId", "khoi-cac-co-quan-dang");
export const yearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: "year", in: "path" }, example: 2025 }),
});
export const blocYearParams = blocIdParam.extend(yearParam.shape);

/** The usual access rules of province routes: everyone in the province reads, the board writes. */
export const provinceReaders = { roles: ["board", "council", "unit"] } as const;
export const boardOnly = { roles: ["board"] } as const;

/** A required JSON request body. */
export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A JSON response entry for `responses`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
