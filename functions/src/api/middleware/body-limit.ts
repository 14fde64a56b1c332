import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "../errors.ts";

export interface BodyLimits {
  /** Any JSON body, in bytes. */
  json: number;
  /** The unit import's body (a base64 .xlsx), in bytes. */
  import: number;
}

/** The one route whose body is a file. */
const IMPORT_PATH = /^\/api\/units\/import\/?$/;

/**
 * Refuses a body over its limit with 413 before reading it (by its Content-Length, or as it streams in),
 * so a flood of large bodies costs neither memory nor time.
 */
export function bodyLimits(limits: BodyLimits) {
  const tooLarge = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: (c) => errorResponse(c, 413, { code: "request.too_large", message: `The body exceeds ${max} bytes` }),
    });
  const forJson = tooLarge(limits.json);
  const forImport = tooLarge(limits.import);
  return createMiddleware<AppEnv>(async function bodyLimits(c, next) {
    return (IMPORT_PATH.test(c.req.path) ? forImport : forJson)(c, next);
  });
}
