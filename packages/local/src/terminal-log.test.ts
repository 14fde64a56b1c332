import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { terminalLog } from "./terminal-log.ts";

const request = (status: number) => ({
  level: "info" as const,
  msg: "request",
  method: "GET",
  path: "/api/units",
  status,
  ms: 3,
});

describe("the terminal log of npm start", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-log-"));
  afterEach(() => vi.restoreAllMocks());
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the terminal to errors, and writes every request to the data directory's file", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    const file = join(dir, "logs", "requests.log");
    const log = terminalLog({ level: "info", requestsFile: file });
    log(request(200));
    log(request(404));
    log({ level: "info", msg: "aggregated", count: 3 });
    log({ level: "error", msg: "unhandled", requestId: "r-1" });
    expect(out.mock.calls).toEqual([]);
    expect(err.mock.calls.map(([line]) => JSON.parse(String(line)).msg)).toEqual(["unhandled"]);
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.status)).toEqual([200, 404]);
    expect(lines[0]).toMatchObject({ method: "GET", path: "/api/units", at: expect.any(String) });
  });

  it("prints each request in one short line at debug", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    terminalLog({ level: "debug" })(request(200));
    expect(out.mock.calls).toEqual([["GET /api/units → 200 (3 ms)"]]);
  });
});
