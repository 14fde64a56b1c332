import { readFileSync } from "node:fs";
import type { RouteFigures } from "./latency.ts";

/** On-demand list prices (US East; docs/deploy.md says how Singapore differs). */
export const prices = {
  readUnit: 0.125 / 1e6,
  writeUnit: 0.625 / 1e6,
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  httpApiRequest: 1.0 / 1e6,
};

/** The product's goal. */
export const goalPer1000 = 0.003;

/**
 * What the bench does not measure, per 1,000 requests, as docs/deploy.md estimates it: CloudWatch Logs
 * (about 1 MB) and the national aggregator at its worst (one invocation per write).
 */
export const unmeasuredPer1000 = 0.000477 + 0.000551;

/** The API function's memory as the stacks set it (infra/api.ts), 1,024 MB when they leave it unset. */
export function apiMemoryMb(): number {
  const stacks = readFileSync(new URL("../infra/api.ts", import.meta.url), "utf8");
  const apiFunction = stacks.slice(stacks.indexOf('"ApiFunction"'));
  const memory = /memorySize:\s*"(\d+) MB"/.exec(apiFunction.slice(0, apiFunction.indexOf("});")))?.[1];
  return memory ? Number(memory) : 1024;
}

export interface Cost {
  memoryMb: number;
  readShare: number;
  /** Per 1,000 requests of the mix, in dollars. */
  lambdaDuration: number;
  lambdaRequests: number;
  httpApi: number;
  dynamoReads: number;
  dynamoWrites: number;
  /** What the bench measured. */
  total: number;
  /** With the logs and the aggregator estimated: what the goal is held against. */
  withUnmeasured: number;
  /** The mix's mean billed duration, capacity units per request. */
  billedMs: number;
  readUnits: number;
  writeUnits: number;
  met: boolean;
}

/**
 * The mix: `readShare` of the requests spread evenly over the measured pages, the rest over the
 * measured writes. Lambda bills each request's duration rounded up to the millisecond: the warm p50
 * measured in process stands in for it (DynamoDB Local's round trips for the real service's).
 */
export function costPer1000(routes: RouteFigures[], readShare = 0.8): Cost {
  const reads = routes.filter((r) => !r.write);
  const writes = routes.filter((r) => r.write);
  const weighted = (pick: (r: RouteFigures) => number) =>
    (readShare * reads.reduce((s, r) => s + pick(r), 0)) / reads.length +
    ((1 - readShare) * writes.reduce((s, r) => s + pick(r), 0)) / writes.length;
  const memoryMb = apiMemoryMb();
  const billedMs = weighted((r) => Math.ceil(r.p50));
  const readUnits = weighted((r) => r.readUnits);
  const writeUnits = weighted((r) => r.writeUnits);
  const n = 1000;
  const lambdaDuration = n * (billedMs / 1000) * (memoryMb / 1024) * prices.lambdaGbSecond;
  const lambdaRequests = n * prices.lambdaRequest;
  const httpApi = n * prices.httpApiRequest;
  const dynamoReads = n * readUnits * prices.readUnit;
  const dynamoWrites = n * writeUnits * prices.writeUnit;
  const total = lambdaDuration + lambdaRequests + httpApi + dynamoReads + dynamoWrites;
  return {
    memoryMb,
    readShare,
    lambdaDuration,
    lambdaRequests,
    httpApi,
    dynamoReads,
    dynamoWrites,
    total,
    withUnmeasured: total + unmeasuredPer1000,
    billedMs,
    readUnits,
    writeUnits,
    met: total + unmeasuredPer1000 <= goalPer1000,
  };
}
