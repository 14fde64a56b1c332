import { queryOptions } from "@tanstack/react-query";
import { Actor } from "@thidua/core/actor";
import { AuthConfig, Me } from "@thidua/core/session";
import { z } from "zod";
import { request } from "./client.ts";

export { AuthConfig } from "@thidua/core/session";
export type DemoAccount = NonNullable<Extract<AuthConfig, { provider: "local" }>["demo"]>["accounts"][number];

const Session = z.object({ token: z.string(), user: Actor });
export type Session = z.infer<typeof Session>;

export const authConfigQuery = () =>
  queryOptions({
    queryKey: ["auth", "config"],
    queryFn: () => request("/api/auth/config", AuthConfig, { auth: false }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const meQuery = () =>
  queryOptions({
    queryKey: ["me"],
    queryFn: () => request("/api/me", Me),
    staleTime: 5 * 60_000,
  });

export const signInLocal = (credentials: { email: string; password: string }) =>
  request("/api/auth/local/login", Session, { method: "POST", body: credentials, auth: false });
