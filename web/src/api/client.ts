import { ErrorBody } from "@thidua/core/error";
import type { ApiRoutes } from "@thidua/functions/client-types";
import { type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { apiBase } from "./base.ts";
import { claimsOf, tokenStore } from "./token.ts";

export interface FieldIssue {
  path: string;
  message: string;
  /** The bound the message speaks of (a quota's most), when there is one. */
  limit?: number;
}

/** An API failure with the server's stable code; `network` and `response.invalid` are the client's own. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly fields: FieldIssue[] = [],
    /** From a 429's Retry-After: when trying again makes sense, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** Someone else saved first (`unit.stale`, `rules.stale`…, or still saving: `transaction.conflict`): refetch, then tell the user. */
export const isStale = (error: unknown): error is ApiError =>
  error instanceof ApiError &&
  error.status === 409 &&
  (error.code.endsWith(".stale") || error.code === "transaction.conflict");

async function errorFrom(response: Response): Promise<ApiError> {
  const body = ErrorBody.safeParse(await response.json().catch(() => null));
  const requestId = response.headers.get("x-request-id") ?? undefined;
  if (!body.success) return new ApiError(response.status, "internal", response.statusText, requestId);
  const { code, message, fields } = body.data.error;
  const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
  return new ApiError(
    response.status,
    code,
    message,
    body.data.error.requestId ?? requestId,
    fields,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}

/**
 * Renews the session's token with its refresh token (set by main.tsx, see renew.ts): the new token, or
 * null when there is nothing to renew with or the provider refused (the session is over). A failure that
 * says nothing about the session (no network, throttling) is thrown.
 */
let renewer: () => Promise<string | null> = async () => null;
export const setRenewer = (renew: () => Promise<string | null>) => {
  renewer = renew;
};

/** One renewal at a time: the calls that find the token old all wait for the same one. */
let renewing: Promise<string | null> | null = null;
const renewOnce = (): Promise<string | null> => {
  renewing ??= renewer().finally(() => {
    renewing = null;
  });
  return renewing;
};

/** A token this close to its end is renewed before it is sent. */
const RENEW_BEFORE_MS = 60_000;

/** The stored token, renewed first if it is about to expire (if renewing fails for now, the old one). */
async function freshToken(): Promise<string | null> {
  const token = tokenStore.token();
  const { exp } = claimsOf(token);
  if (!token || !exp || exp * 1000 - Date.now() >= RENEW_BEFORE_MS || !tokenStore.refreshToken()) return token;
  return renewOnce().then(
    (renewed) => renewed ?? token,
    () => token,
  );
}

/**
 * The fetch under the typed client: adds the stored token (unless the call brings its own, or `signedIn`
 * is false: sign-in itself), and turns a failure (network, or not 2xx) into an ApiError. A token about to
 * expire is renewed first; a 401 tries one renewal and the call again. The session ends only when the
 * token refused is still the stored one and no renewal could replace it; a renewal that failed for want
 * of a network leaves the session as it is.
 */
const fetchFor =
  (signedIn: boolean): typeof fetch =>
  async (input, init) => {
    const ownToken = !signedIn || new Headers(init?.headers).has("authorization");
    const attempt = async (token: string | null) => {
      const headers = new Headers(init?.headers);
      headers.set("accept", headers.get("accept") ?? "application/json");
      if (token) headers.set("authorization", `Bearer ${token}`);
      try {
        return await fetch(input, { ...init, headers });
      } catch (error) {
        throw new ApiError(0, "network", (error as Error).message);
      }
    };
    let sent = ownToken ? null : await freshToken();
    let response = await attempt(sent);
    if (response.status === 401 && sent) {
      const renewed = await renewOnce();
      if (renewed) {
        sent = renewed;
        response = await attempt(sent);
      }
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (response.status === 401 && sent && tokenStore.token() === sent) tokenStore.expire(error.code);
      throw error;
    }
    return response;
  };

const client = <K extends keyof ApiRoutes>(signedIn = true) =>
  hc<ApiRoutes[K]>(`${apiBase}/api`, { fetch: fetchFor(signedIn) });

/** The API, typed from its routes: `call(api.units.units.$get({ query: {} }))`. */
export const api = {
  accounts: client<"accounts">(),
  archives: client<"archives">(),
  audit: client<"audit">(),
  authConfig: client<"authConfig">(false),
  authLocal: client<"authLocal">(false),
  /** The local identity provider's calls made signed in: password change, the outbox. */
  authLocalSignedIn: client<"authLocal">(),
  awardTypes: client<"awardTypes">(),
  ballots: client<"ballots">(),
  blocs: client<"blocs">(),
  criteria: client<"criteria">(),
  cycle: client<"cycle">(),
  documents: client<"documents">(),
  evidence: client<"evidence">(),
  imports: client<"imports">(),
  letterhead: client<"letterhead">(),
  me: client<"me">(),
  national: client<"national">(),
  platformAccounts: client<"platformAccounts">(),
  proposals: client<"proposals">(),
  quotas: client<"quotas">(),
  rules: client<"rules">(),
  scores: client<"scores">(),
  tenants: client<"tenants">(),
  units: client<"units">(),
};

/** The body a typed call answers with when it succeeds (failures were thrown as ApiError). */
export type Success<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends "json"
        ? T
        : never
      : never
    : never;

/** Awaits a typed call and reads its JSON body. */
export async function call<R extends ClientResponse<unknown>>(request: Promise<R>): Promise<Success<R>> {
  const response = await request;
  try {
    return (await response.json()) as Success<R>;
  } catch (error) {
    throw new ApiError(response.status, "response.invalid", (error as Error).message);
  }
}

/** Awaits a typed call that answers 204 (failures were thrown as ApiError). */
export async function callNoContent(request: Promise<ClientResponse<unknown>>): Promise<void> {
  await request;
}

/** A file the API answers with (an .xlsx template…). */
export async function callForFile(request: Promise<ClientResponse<unknown>>): Promise<Blob> {
  const response = await request;
  try {
    return await response.blob();
  } catch (error) {
    throw new ApiError(0, "network", (error as Error).message);
  }
}

/** Path parameters as the URL needs them: ids come from the API, but never trust them to be URL-safe. */
export const params = <T extends Record<string, string | number>>(values: T): { [K in keyof T]: string } =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, encodeURIComponent(String(v))])) as {
    [K in keyof T]: string;
  };
