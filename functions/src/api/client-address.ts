import type { Context } from "hono";

/**
 * Where a request comes from, for throttling: the source address API Gateway saw on Lambda, the socket's
 * peer locally. Never a header the client sets (X-Forwarded-For could name anyone).
 */
export function clientAddress(c: Context): string {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}
