import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { Role } from "@thidua/core/actor";
import { ErrorBody, type ErrorCode } from "@thidua/core/error";
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

/**
 * A route's configuration; its `operationId` (verb first: `listUnits`) names it in generated clients. Its
 * `refusals` are the 400 codes of rules its schemas cannot express (an id that names nothing, a rule
 * across fields, the state of the data), answered as the error's `code` or as a field's `message`: the
 * document lists them with the 400 answer, and a test holds every other 400 to the schemas.
 */
type Config = Omit<RouteConfig, "middleware" | "security" | "operationId"> & {
  operationId: string;
  refusals?: readonly ErrorCode[];
};

/** A list that pages refuses a cursor it did not give. */
const takesCursor = (config: Omit<Config, "refusals">) => {
  const query = config.request?.query as { shape?: Record<string, unknown> } | undefined;
  return query?.shape !== undefined && "cursor" in query.shape;
};

/** The 400 answer, with the codes of the rules beyond the schemas. */
function invalidResponse(config: Omit<Config, "refusals">, refusals: readonly ErrorCode[] = []) {
  const codes = [
    ...refusals,
    ...(takesCursor(config) ? (["cursor.invalid"] as const) : []),
    // What is stored must fit a DynamoDB item (400 KB), whatever the schemas let through.
    ...(config.request?.body ? (["request.too_large"] as const) : []),
  ];
  if (!codes.length) return errorResponses[400];
  const list = codes.map((code) => `\`${code}\``).join(", ");
  return error(
    `${errorResponses[400].description}. Refused besides the schemas, by code or a field's message: ${list}`,
  );
}

/**
 * `createRoute` plus the access rule: the `authorize` middleware runs before
 * validation, and `x-roles` / `x-public` document it for clients and tests.
 */
export function defineRoute<const R extends Config>(access: Access, { refusals, ...config }: R) {
  const isPublic = access === "public";
  return createRoute({
    ...config,
    responses: {
      ...errorResponses,
      400: invalidResponse(config, refusals),
      ...(config.request?.body ? bodyErrorResponses : {}),
      ...config.responses,
    },
    ...(isPublic
      ? { security: [], "x-public": true }
      : { security: [{ bearer: [] }], "x-roles": access.roles, middleware: [authorize(access.roles)] as const }),
    // `refusals` left out: they are in the 400 answer's description, not a field of the route.
  } as unknown as R & { responses: R["responses"] & typeof errorResponses });
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
export const blocIdParam = pathParam("blocId", "khoi-thi-dua-cac-to-chuc-hoi-dac-thu");
/** A year in a path; the example is a year of the demo's example bloc (its 2022: ranked, voted, proposed). */
const yearIn = (example: number) =>
  z.object({
    year: z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .openapi({ param: { name: "year", in: "path" }, example }),
  });
export const yearParam = yearIn(2022);
export const blocYearParams = blocIdParam.extend(yearParam.shape);
/** A year still to prepare from the one before (the demo bloc's 2024). */
export const nextBlocYearParams = blocIdParam.extend(yearIn(2024).shape);

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
