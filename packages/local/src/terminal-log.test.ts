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
  afterEach(() => vi.restoreAllMocks());

  it("prints failed requests in one short line, successes only when asked, and errors whole", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    const failed = terminalLog("failed");
    failed(request(200));
    failed(request(404));
    failed({ level: "info", msg: "aggregated", count: 3 });
    failed({ level: "error", msg: "unhandled", requestId: "r-1" });
    expect(out.mock.calls).toEqual([["GET /api/units → 404 (3 ms)"]]);
    expect(err.mock.calls[0]?.[0]).toContain('"requestId":"r-1"');

    out.mockClear();
    terminalLog("all")(request(200));
    terminalLog("none")(request(500));
    expect(out.mock.calls).toEqual([["GET /api/units → 200 (3 ms)"]]);
  });
});
