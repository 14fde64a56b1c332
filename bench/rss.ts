import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@thidua/local/dynamo";
import { benchEnv, inheritedEnv } from "./env.ts";
import { endGroup, spawnGroup, whenPrinted } from "./processes.ts";
import { medianOfRepeats } from "./stats.ts";

const main = fileURLToPath(new URL("../packages/local/src/main.ts", import.meta.url));

/** Resident memory of one process (not its children), in bytes, from the kernel's own account. */
const rssOf = (pid: number) => {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kib) * 1024;
};

/** Java's resident memory under `npm start` (DynamoDB Local), for scale: its children's VmRSS. */
const childrenRss = (pid: number) => {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return children.reduce((sum, child) => sum + rssOf(Number(child)), 0);
  } catch {
    return 0;
  }
};

/** The baseline: Node.js itself listening on a port, with nothing of ours loaded. */
const bareServer = `require("node:http").createServer((q, s) => s.end()).listen(0, "127.0.0.1", () => console.log("listening"));`;

/** Starts a process, waits for `ready` in its output, measures it and ends its whole process group. */
async function measureProcess(args: string[], env: NodeJS.ProcessEnv, ready: string, timeoutMs: number) {
  const child = spawnGroup(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  try {
    await whenPrinted(child, ready, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // what it does right after the line settles
    return { rss: rssOf(child.pid as number), childrenRss: childrenRss(child.pid as number) };
  } finally {
    await endGroup(child);
  }
}

export interface RssFigures {
  startRss: number;
  javaRss: number;
  bareRss: number;
  ratio: number;
}

/**
 * `npm start --in-memory` (as `npm run dev -- --in-memory`: the dashboard build left out) in a process
 * group of its own, measured once it says it is ready, each time beside a bare Node.js server.
 */
export async function measureRss(repeats: number, progress: (line: string) => void): Promise<RssFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), "thidua-bench-start-"));
  try {
    return await medianOfRepeats(repeats, async (repeat) => {
      const bare = await measureProcess(["-e", bareServer], { PATH: benchEnv.PATH }, "listening", 30_000);
      const port = await freePort();
      const started = performance.now();
      const start = await measureProcess(
        ["--import", "tsx", main, "--in-memory"],
        { ...inheritedEnv(), PORT: String(port), DATA_DIR: dataDir },
        "Ctrl-C stops everything.",
        900_000,
      );
      progress(`  npm start ${repeat + 1}/${repeats} ready in ${Math.round((performance.now() - started) / 1000)} s`);
      return { startRss: start.rss, javaRss: start.childrenRss, bareRss: bare.rss, ratio: start.rss / bare.rss };
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
