import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@thidua/local/dynamo";
import { readJson } from "@thidua/test/support";
import { afterAll, describe, expect, it } from "vitest";

/*
 * `npm start` as a user runs it: a real process with DynamoDB Local under it,
 * stopped by a signal, started again on the same data directory.
 */
const dataDir = mkdtempSync(join(tmpdir(), "thidua-start-"));
const main = new URL("../../packages/local/src/main.ts", import.meta.url).pathname;
const started: ChildProcess[] = [];
afterAll(async () => {
  // A failed assertion or a timeout must not leave a runtime (or its Java) behind: each runtime leads a
  // process group of its own, ended whole, by force when it does not go within seconds.
  for (const child of started) {
    const group = -(child.pid as number);
    const exited =
      child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once("exit", r)) : undefined;
    try {
      process.kill(group, "SIGTERM");
    } catch {
      continue; // the group is gone already
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    try {
      process.kill(group, "SIGKILL");
    } catch {
      // gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
}

/** Starts `npm start` and waits for `ready` in its output: by default the last line of its start-up report. */
async function start(ready = "Ctrl-C stops everything."): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    // The three report provinces: this test is about the process, the whole demo has its own tests.
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: "reports" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // a process group of its own, for the clean-up above
  });
  started.push(child);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes(ready)) done(resolve);
      else if (child.exitCode !== null) done(() => reject(new Error(`exited early:\n${output}`)));
    }, 100);
    const done = (fn: () => void) => {
      clearInterval(timer);
      fn();
    };
  });
  return { child, output: () => output, url: `http://127.0.0.1:${port}` };
}

const childrenOf = (pid: number) => {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
  } catch {
    return [];
  }
};
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** An orphan would live on; a process that is going away is gone within a few seconds. */
async function exitsSoon(pid: number) {
  for (let i = 0; i < 30 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/** Waits until `ready` holds (output arrives through a pipe, after the answer that caused it). */
async function waitFor(ready: () => boolean) {
  for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 100));
  expect(ready()).toBe(true);
}

/** Signals the runtime and answers its Java processes; a runtime still starting exits with 1, else 0. */
async function stop({ child }: Started, signal: NodeJS.Signals, exitCode = 0) {
  const jvms = childrenOf(child.pid as number);
  expect(jvms.length).toBeGreaterThan(0);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill(signal);
  expect(await exited).toBe(exitCode);
  return jvms;
}

async function signIn(url: string) {
  const res = await fetch(`${url}/api/auth/local/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "ops@thidua.local", password: "thidua2025" }),
  });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${(await readJson(res)).token}`, "content-type": "application/json" };
}

describe("npm start", () => {
  it("seeds, stops on SIGTERM and SIGINT without leaving Java behind, and keeps data across restarts", async () => {
    // Ctrl-C while the demo is being seeded: the process ends at once; the next start finishes the seed.
    const interrupted = await start("thidua: seeding the demo, 1/3 provinces");
    for (const pid of await stop(interrupted, "SIGINT", 1)) expect(await exitsSoon(pid)).toBe(true);
    const first = await start();
    expect(first.output()).toContain("Demo provinces seeded.");
    expect(first.output()).toContain("thidua: seeding the demo, 3/3 provinces");
    expect(first.output()).not.toContain("thidua: seeding the demo, 1/3 provinces");
    expect(first.output()).toContain("bantdkt@an-giang.thidua.local");
    const headers = await signIn(first.url);
    const created = await fetch(`${first.url}/api/tenants`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        tenantId: "binh-thuan",
        name: "Bình Thuận",
        boardEmail: "bantdkt@binh-thuan.thidua.local",
        boardName: "Ban Thi đua - Khen thưởng tỉnh Bình Thuận",
      }),
    });
    expect(created.status).toBe(201);
    // The invitation goes to the local outbox, which `npm start` prints.
    await waitFor(() => first.output().includes("bantdkt@binh-thuan.thidua.local>"));
    expect(first.output()).toMatch(/http:\/\/localhost:\d+\/accept-invitation#/);
    for (const pid of await stop(first, "SIGTERM")) expect(await exitsSoon(pid)).toBe(true);

    const second = await start();
    expect(second.output()).toContain("Existing data kept.");
    // The signing key persisted too: the first run's token still verifies.
    const list = await readJson(await fetch(`${second.url}/api/tenants`, { headers }));
    // Each demo province once, and the one made by hand.
    const ids = list.items.map((t: { tenantId: string }) => t.tenantId);
    expect(ids.sort()).toEqual(["an-giang", "binh-thuan", "ninh-thuan", "quang-tri"]);
    for (const pid of await stop(second, "SIGINT")) expect(await exitsSoon(pid)).toBe(true);
  }, 600_000);
});
