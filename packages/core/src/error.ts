import { z } from "zod";
import type { ErrorCode } from "./error-codes.ts";

export { type ErrorCode, errorCodes } from "./error-codes.ts";

/** What went wrong, independent of transport; the API maps each kind to one HTTP status. */
export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "throttled"
  | "internal";

export interface FieldIssue {
  path: string;
  /** A code (`bloc.seat_not_member`) the dashboard translates, or a validator's own sentence. */
  message: string;
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
export const conflict = (code: ErrorCode, message?: string, fields?: FieldIssue[]) =>
  new AppError("conflict", code, message, fields);
export const throttled = (code: ErrorCode, retryAfterSeconds: number, message?: string) =>
  new AppError("throttled", code, message, undefined, Math.max(1, Math.ceil(retryAfterSeconds)));

/** Turns zod issues into field paths a form can point at (`members.2.unitId`). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/** Parses input at the domain edge; a failure is a 400 with field paths. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid("request.invalid", "Invalid input", fieldIssues(result.error));
  return result.data;
}

/** The error body every API error answers with; shared with the web client. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
