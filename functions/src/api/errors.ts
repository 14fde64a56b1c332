import { AppError, describeIssues, type ErrorBody, type ErrorKind, fieldIssues } from "@thidua/core/error";
import type { Logger } from "@thidua/core/log";
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { AppEnv } from "./context.ts";

const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  throttled: 429,
  internal: 500,
};

export function errorResponse(c: Context<AppEnv>, status: ContentfulStatusCode, error: ErrorBody["error"]) {
  return c.json({ error: { ...error, requestId: c.get("requestId") } } satisfies ErrorBody, status);
}

/** Maps every thrown error to the one error model; unexpected ones answer 500 without internals. */
export function onError(log: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof AppError) {
      if (err.retryAfterSeconds !== undefined) c.header("retry-after", String(err.retryAfterSeconds));
      return errorResponse(c, statusOf[err.kind], {
        code: err.code,
        message: err.message,
        ...(err.fields ? { fields: err.fields } : {}),
      });
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own rejections, e.g. a body that is not JSON.
      return errorResponse(c, err.status as ContentfulStatusCode, { code: "request.malformed", message: err.message });
    }
    log({
      level: "error",
      msg: "unhandled",
      requestId: c.get("requestId"),
      error: String(err),
      stack: (err as Error).stack,
    });
    return errorResponse(c, 500, { code: "internal", message: "Something went wrong; quote the request id" });
  };
}

/** What each validation target is, in an error message (a body that is not JSON at all fails before). */
const targetNames: Record<string, string> = { json: "body", query: "query string", param: "path", header: "headers" };

/** zod-openapi's hook for failed validation: 400 naming each failing field and the rule it broke. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context<AppEnv>,
) {
  if (!result.success) {
    const fields = fieldIssues(result.error);
    const where = targetNames[result.target] ?? result.target;
    return errorResponse(c, 400, {
      code: "request.invalid",
      message: `The ${where} does not pass its rules: ${describeIssues(fields)}`,
      fields,
    });
  }
}
