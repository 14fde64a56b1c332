import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

/*
 * Every process the bench starts leads a process group of its own, so that ending it ends what it started
 * too (DynamoDB Local's Java under `npm start`). Groups still alive when the bench exits, however it
 * exits, are killed.
 */
const groups = new Set<number>();

const killGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
};

process.on("exit", () => {
  for (const pid of groups) killGroup(pid, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    for (const pid of groups) killGroup(pid, "SIGKILL");
    process.exit(130);
  });

/** Spawns `command` as the leader of a new process group, remembered until `endGroup`. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) groups.add(child.pid);
  return child;
}

/** Ends a group: SIGTERM to all of it, SIGKILL to whatever is left after `graceMs`. */
export async function endGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const running = child.exitCode === null && child.signalCode === null;
  const exited = running ? new Promise((resolve) => child.once("exit", resolve)) : Promise.resolve();
  if (killGroup(pid, "SIGTERM")) await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  // The leader may be gone while a child of it lingers: the group is killed either way.
  killGroup(pid, "SIGKILL");
  groups.delete(pid);
}

/** Resolves with the time (performance.now()) at which `text` first appears in the child's output. */
export function whenPrinted(child: ChildProcess, text: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`no "${text}" within ${timeoutMs / 1000}s:\n${output}`)), timeoutMs);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes(text)) settle(() => resolve(performance.now()));
    };
    const onExit = (code: number | null) => fail(new Error(`exited (${code}) before "${text}":\n${output}`));
    const settle = (done: () => void) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      done();
    };
    const fail = (error: Error) => settle(() => reject(error));
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}
