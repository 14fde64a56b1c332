import { pathToFileURL } from "node:url";
import type { Actor } from "@thidua/core/actor";
import type { LocalIdp } from "@thidua/local/idp";
import { httpEvent } from "../infra/http-event.ts";
import { benchEnv } from "./env.ts";
import { serveJwks } from "./jwks-server.ts";
import { endGroup, spawnGroup, whenPrinted } from "./processes.ts";
import { medianOfRepeats } from "./stats.ts";
import type { Storage } from "./storage.ts";

/*
 * A cold start as Lambda has it, minus the sandbox: a fresh Node process loads the function's bundle and
 * answers its first event through the exported handler. Timed from the spawn to the answer, and divided
 * by the same for the bare Hono function, measured alternately with it so both see the same machine.
 */

/**
 * Loads the entry, answers one event, prints its status and leaves (open sockets must not hold it). The
 * entry and the event come as its two arguments.
 */
const child = `
const [entry, event] = process.argv.slice(-2);
const { handler } = await import(entry);
const answer = await handler(JSON.parse(event), {});
process.stdout.write("answered " + answer.statusCode + "\\n", () => process.exit(0));
`;

export interface ColdCall {
  entry: string;
  event: ReturnType<typeof httpEvent>;
  env?: Record<string, string>;
}

/** Milliseconds from spawning the process to its answer, and the answer's status. */
async function coldCall({ entry, event, env = {} }: ColdCall): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const args = ["--input-type=module", "-e", child, pathToFileURL(entry).href, JSON.stringify(event)];
  const process_ = spawnGroup(process.execPath, args, {
    // Only what a Lambda sandbox would have: no loader or options of the bench's own process.
    env: { PATH: benchEnv.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  process_.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  try {
    const answered = await whenPrinted(process_, "answered ", 60_000);
    await new Promise((resolve) => setImmediate(resolve)); // the rest of the line
    return { ms: answered - started, status: Number(/answered (\d+)/.exec(output)?.[1]) };
  } finally {
    await endGroup(process_, 2_000);
  }
}

export interface ColdStartInput {
  api: { entry: string; env: Record<string, string> };
  bare: string;
  /** The token of a board member, when a province exists to list the units of. */
  boardToken?: string;
  repeats: number;
}

export interface ColdStartFigures {
  bareMs: number;
  healthMs: number;
  healthRatio: number;
  healthStatus: number;
  unitsMs?: number;
  unitsRatio?: number;
  unitsStatus?: number;
}

export async function measureColdStarts({ api, bare, boardToken, repeats }: ColdStartInput): Promise<ColdStartFigures> {
  const statuses = { health: 0, units: 0 };
  const figures = await medianOfRepeats(repeats, async () => {
    const bareRun = await coldCall({ entry: bare, event: httpEvent("GET", "/api/health") });
    const health = await coldCall({ entry: api.entry, env: api.env, event: httpEvent("GET", "/api/health") });
    statuses.health = health.status;
    const run: Record<string, number> = {
      bareMs: bareRun.ms,
      healthMs: health.ms,
      healthRatio: health.ms / bareRun.ms,
    };
    if (boardToken) {
      const event = httpEvent("GET", "/api/units", { authorization: `Bearer ${boardToken}` });
      const units = await coldCall({ entry: api.entry, env: api.env, event });
      statuses.units = units.status;
      run.unitsMs = units.ms;
      run.unitsRatio = units.ms / bareRun.ms;
    }
    return run;
  });
  return {
    bareMs: figures.bareMs as number,
    healthMs: figures.healthMs as number,
    healthRatio: figures.healthRatio as number,
    healthStatus: statuses.health,
    ...(boardToken ? { unitsMs: figures.unitsMs, unitsRatio: figures.unitsRatio, unitsStatus: statuses.units } : {}),
  };
}

/**
 * The API's cold starts against the bench's DynamoDB Local, its tokens checked against the local identity
 * provider's JWKS served over HTTP (as Cognito's are fetched on AWS), beside the bare function's.
 */
export async function measureApiColdStarts({
  api,
  bare,
  storage,
  idp,
  board,
  repeats,
}: {
  api: string;
  bare: string;
  storage: Storage;
  idp: LocalIdp;
  board: Actor;
  repeats: number;
}): Promise<ColdStartFigures> {
  const jwks = await serveJwks(idp);
  try {
    const env = {
      TABLE_NAME: storage.tableName,
      DYNAMODB_ENDPOINT: storage.endpoint,
      FILES_BUCKET: "thidua-files-bench",
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: idp.audience,
      AUTH_JWKS_URL: jwks.url,
      COGNITO_USER_POOL_ID: "ap-southeast-1_bench",
    };
    return await measureColdStarts({ api: { entry: api, env }, bare, boardToken: await idp.issue(board), repeats });
  } finally {
    await jwks.close();
  }
}
