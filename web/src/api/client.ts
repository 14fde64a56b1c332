import { ErrorBody } from "@thidua/core/error";
import type { z } from "zod";
import { tokenStore } from "./token.ts";

export interface FieldIssue {
  path: string;
  message: string;
}

/** An API failure with the server's stable code; `network` and `response.invalid` are the client's own. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** Someone else saved first (`unit.stale`, `rules.stale`…): refetch, then tell the user. */
export const isStale = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 409 && error.code.endsWith(".stale");

/** A path segment for a URL: ids come from the API, but never trust them to be URL-safe. */
export const seg = (value: string | number): string => encodeURIComponent(String(value));

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Send the stored token (default); sign-in itself does not. */
  auth?: boolean;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  const requestId = response.headers.get("x-request-id") ?? undefined;
  if (!body.success) return new ApiError(response.status, "internal", response.statusText, requestId);
  const { code, message, fields } = body.data.error;
  return new ApiError(response.status, code, message, body.data.error.requestId ?? requestId, fields);
}

/** Calls the API and checks the answer against `schema`, so pages only ever see valid data. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const { method = "GET", body, auth = true } = options;
  const token = auth ? tokenStore.token() : null;
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, "network", (error as Error).message);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && token) tokenStore.expire(error.code);
    throw error;
  }
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(response.status, "response.invalid", parsed.error.message);
  return parsed.data;
}
