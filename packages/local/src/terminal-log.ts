import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { jsonLogger, type LogEntry, type Logger } from "@thidua/core/log";

/**
 * The log of `npm start`, for a person at a terminal rather than a log service: errors
 * (whole, as JSON, with their request id) in the terminal; a line per request in `requestsFile` (under
 * the data directory), and in the terminal too at `debug`.
 */
export function terminalLog({ level, requestsFile }: { level: "info" | "debug"; requestsFile?: string }): Logger {
  if (requestsFile) mkdirSync(dirname(requestsFile), { recursive: true });
  return (entry: LogEntry) => {
    if (entry.msg !== "request") {
      if (entry.level === "error") jsonLogger(entry);
      return;
    }
    // A synchronous append: a few hundred bytes per request, and nothing is lost when the process stops.
    if (requestsFile) appendFileSync(requestsFile, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
    if (level === "debug") console.log(`${entry.method} ${entry.path} → ${entry.status} (${entry.ms} ms)`);
  };
}
