import { z } from "zod";
import type { ErrorCode } from "./error-codes.ts";

export { type ErrorCode, errorCodes } from "./error-codes.ts";

/** What went wrong, independent of transport; the API maps each kind to one HTTP status. */
export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "too_large"
  | "throttled"
  | "internal";

export interface FieldIssue {
  path: string;
  /** A code (`bloc.seat_not_member`) the dashboard translates, or a validator's own sentence. */
  message: string;
  /** The rule that failed, when a schema refused it: `too_small`, `invalid_format`, `invalid_type`… */
  rule?: string;
  /** The bound the message speaks of, when there is one (the most a quota may be). */
  limit?: number;
}

/** A field issue whose message is one of the API's codes. */
export interface CodedIssue extends FieldIssue {
  message: ErrorCode;
}

/**
 * The one error the domain throws. `code` is a stable English identifier
 * (`tenant.not_found`) that clients translate; `message` is for developers.
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string = code,
    readonly fields?: FieldIssue[],
    /** With `throttled`: when to try again, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalid = (code: ErrorCode, message?: string, fields?: FieldIssue[]) =>
  new AppError("invalid", code, message, fields);
export const unauthenticated = (code: ErrorCode, message?: string) => new AppError("unauthenticated", code, message);
export const forbidden = (code: ErrorCode, message?: string) => new AppError("forbidden", code, message);
export const notFound = (code: ErrorCode, message?: string) => new AppError("not_found", code, message);
/** A path that exists, asked with a method it does not have (the API says which it has). */
export const methodNotAllowed = (message: string) =>
  new AppError("method_not_allowed", "route.method_not_allowed", message);
export const tooLarge = (code: ErrorCode, message?: string, fields?: FieldIssue[]) =>
  new AppError("too_large", code, message, fields);
export const conflict = (code: ErrorCode, message?: string, fields?: FieldIssue[]) =>
  new AppError("conflict", code, message, fields);
export const throttled = (code: ErrorCode, retryAfterSeconds: number, message?: string) =>
  new AppError("throttled", code, message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));

/** Turns zod issues into field paths a form can point at (`members.2.unitId`). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
    rule: issue.code,
  }));
}

/** "name (too_small), email (invalid_format)": what failed, for a developer reading an error message. */
export const describeIssues = (issues: readonly FieldIssue[]) =>
  issues.map((issue) => `${issue.path || "(body)"} (${issue.rule ?? issue.message})`).join(", ");

/** Parses input at the domain edge; a failure is a 400 with field paths. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = fieldIssues(result.error);
    throw invalid("request.invalid", `Invalid input: ${describeIssues(issues)}`, issues);
  }
  return result.data;
}

/** The error body every API error answers with; shared with the web client. */
// Named components: every operation's error answers refer to one schema, so a generated client has one
// error type (and the document states it once instead of 800 times).
export const ErrorBody = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        requestId: z.string().optional(),
        fields: z
          .array(
            z
              .object({
                path: z.string(),
                message: z.string(),
                rule: z.string().optional(),
                limit: z.number().optional(),
              })
              .meta({ id: "FieldError" }),
          )
          .optional(),
      })
      .meta({ id: "Error" }),
  })
  .meta({ id: "ErrorBody" });
export type ErrorBody = z.infer<typeof ErrorBody>;
