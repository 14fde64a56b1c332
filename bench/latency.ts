import type { Actor } from "@thidua/core/actor";
import type { BenchApp } from "./app.ts";
import { isWriteCommand, type SentRequest } from "./recorder.ts";
import { prepare, replay, wavesOf } from "./replay.ts";
import { median, medianOfRepeats, percentile } from "./stats.ts";
import type { Storage } from "./storage.ts";

/** One call of a route: what to send, and what to remember from the answer for the next call. */
export interface RouteCall {
  method: string;
  path: string;
  body?: unknown;
  /** Sees the answer (a write's next call needs the version it returned). */
  answered?: (text: string) => void;
}

export interface Route {
  label: string;
  actor: Actor;
  /** Writes are replayed in the shadow table, where the same conditions hold as they did for the app. */
  write: boolean;
  next(): RouteCall;
}

export interface RouteFigures {
  label: string;
  write: boolean;
  p50: number;
  p95: number;
  /** The median time of the route's own DynamoDB requests, sent again by a plain client. */
  rawP50: number;
  ratio: number;
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Replayed requests that failed where the app's had not: the replay was not the same work. */
  replayFailures: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

async function callOnce(app: BenchApp, route: Route): Promise<{ ms: number }> {
  const call = route.next();
  const start = performance.now();
  const { status, text } = await app.call(route.actor, call.path, call.method, call.body);
  const ms = performance.now() - start;
  if (status >= 300) throw new Error(`${route.label}: ${call.method} ${call.path} answered ${status}: ${text}`);
  call.answered?.(text);
  return { ms };
}

/**
 * Each call of the route is followed at once by the replay of the requests it sent, so that the app
 * and its bare DynamoDB time are measured side by side, on the same data and the same machine load.
 */
export async function measureRoute(
  app: BenchApp,
  storage: Storage,
  route: Route,
  { requests, repeats }: { requests: number; repeats: number },
): Promise<RouteFigures> {
  // A warm process, as a warm Lambda serves most pages: the token and the province's status are known.
  for (let i = 0; i < 2; i++) await callOnce(app, route);
  const shadow = route.write ? { from: storage.tableName, to: storage.shadowTable } : undefined;
  if (route.write) await mirror(storage); // the warm-up's writes too
  storage.recording.take();
  let replayFailures = 0;
  const figures = await medianOfRepeats(repeats, async () => {
    const appMs: number[] = [];
    const rawMs: number[] = [];
    const sent: SentRequest[][] = [];
    for (let i = 0; i < requests; i++) {
      appMs.push((await callOnce(app, route)).ms);
      const requestsOfCall = storage.recording.take();
      sent.push(requestsOfCall);
      const prepared = prepare(wavesOf(requestsOfCall), shadow);
      const start = performance.now();
      const { failed } = await replay(storage.plain, prepared);
      rawMs.push(performance.now() - start);
      replayFailures += failed - requestsOfCall.filter((r) => r.failed).length;
    }
    const p50 = percentile(appMs, 50);
    const rawP50 = median(rawMs);
    return {
      p50,
      p95: percentile(appMs, 95),
      rawP50,
      ratio: p50 / rawP50,
      requests: mean(sent.map((s) => s.length)),
      readUnits: mean(sent.map((s) => s.reduce((sum, r) => sum + r.readUnits, 0))),
      writeUnits: mean(sent.map((s) => s.reduce((sum, r) => sum + r.writeUnits, 0))),
    };
  });
  return { label: route.label, write: route.write, ...figures, replayFailures };
}

/**
 * Sends the writes recorded so far to the shadow table, one after another, so that it holds what the
 * app's table holds (a replayed write then meets the same conditions as the app's).
 */
export async function mirror(storage: Storage): Promise<void> {
  const writes = storage.recording.take().filter((r) => !r.failed && isWriteCommand(r.name));
  for (const request of writes)
    await replay(storage.plain, prepare([[request]], { from: storage.tableName, to: storage.shadowTable }));
}
