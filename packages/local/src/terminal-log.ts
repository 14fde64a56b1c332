import { jsonLogger, type LogEntry, type Logger } from "@thidua/core/log";

/**
 * The log of `npm start`, for a person at a terminal rather than a log service: a short line per request
 * (only the failed ones unless `all`), and errors whole as JSON, with their request id.
 */
export function terminalLog(requests: "failed" | "all" | "none"): Logger {
  return (entry: LogEntry) => {
    if (entry.msg !== "request") {
      if (entry.level === "error") jsonLogger(entry);
      return;
    }
    const status = Number(entry.status);
    if (requests === "none" || (requests === "failed" && status < 400)) return;
    console.log(`${entry.method} ${entry.path} → ${status} (${entry.ms} ms)`);
  };
}
