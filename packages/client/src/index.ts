import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema.ts";

/*
 * The thidua API for integrators (a provincial e-office system, the national data-sharing platform):
 * every path, parameter, body and answer typed from the API's OpenAPI document (`schema.ts`).
 *
 *   const api = thiduaClient({ baseUrl: "https://thidua.example.vn", token: () => session.token });
 *   const { data, error } = await api.GET("/api/units", { params: { query: { q: "so noi vu" } } });
 *
 * Each call answers `{ data }` or, for a status of 400 and above, `{ error }` in the one error model.
 */

export type { components, operations, paths } from "./schema.ts";

/** What every error answers: a stable English `code`, a message, the failing fields, the request id. */
export type ErrorBody = components["schemas"]["ErrorBody"];

export type ThiduaClient = Client<paths>;

export interface ThiduaClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** The deployment's address, without `/api` (every path carries it). */
  baseUrl: string;
  /** The bearer token to send, read before each request (a renewed one is picked up). */
  token?: () => string | undefined | Promise<string | undefined>;
}

export function thiduaClient({ token, ...options }: ThiduaClientOptions): ThiduaClient {
  const client = createClient<paths>(options);
  if (token)
    client.use({
      async onRequest({ request }) {
        const value = await token();
        if (value) request.headers.set("authorization", `Bearer ${value}`);
        return request;
      },
    });
  return client;
}
