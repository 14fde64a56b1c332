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

/**
 * Where the API is: `VITE_API_URL` on AWS (API Gateway, another origin than the CloudFront site), the
 * dashboard's own origin locally. A value SST left as its `{{ … }}` placeholder counts as unset.
 */
const apiBase = (() => {
  const configured = import.meta.env.VITE_API_URL?.trim() ?? "";
  return configured.startsWith("{{") ? "" : configured.replace(/\/+$/, "");
})();

/** The full address of an API path (`/api/units` → `https://…/api/units` on AWS). */
export const apiUrl = (path: string): string => `${apiBase}${path.startsWith("/") ? path : `/${path}`}`;

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Send the stored token (default), none (`false`: sign-in itself), or this one (a token not stored yet). */
  auth?: boolean | { token: string };
  accept?: string;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  const requestId = response.headers.get("x-request-id") ?? undefined;
  if (!body.success) return new ApiError(response.status, "internal", response.statusText, requestId);
  const { code, message, fields } = body.data.error;
  return new ApiError(response.status, code, message, body.data.error.requestId ?? requestId, fields);
}

/** Sends a request; a failure (network or not 2xx) becomes an ApiError, a 401 on the stored token ends the session. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  const { method = "GET", body, auth = true, accept = "application/json" } = options;
  const stored = auth === true ? tokenStore.token() : null;
  const token = typeof auth === "object" ? auth.token : stored;
  const headers: Record<string, string> = { accept };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    response = await fetch(apiUrl(path), init);
  } catch (error) {
    throw new ApiError(0, "network", (error as Error).message);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && stored) tokenStore.expire(error.code);
    throw error;
  }
  return response;
}

/** A file from the API (an .xlsx template…), fetched with the token like any call. */
export async function requestFile(path: string, accept: string): Promise<Blob> {
  const response = await send(path, { accept });
  try {
    return await response.blob();
  } catch (error) {
    throw new ApiError(0, "network", (error as Error).message);
  }
}

/** Calls the API and checks the answer against `schema`, so pages only ever see valid data. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiError(response.status, "response.invalid", parsed.error.message);
  return parsed.data;
}
