/** A structured log line: the API's access log, the aggregator's report, unexpected errors. */
export type LogEntry = Record<string, unknown> & { level: "info" | "error"; msg: string };
export type Logger = (entry: LogEntry) => void;

/** One JSON line per entry, so CloudWatch Logs Insights can query fields. */
export const jsonLogger: Logger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === "error") console.error(line);
  else console.log(line);
};
