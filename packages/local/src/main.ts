import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadLocalConfig } from "./env.ts";
import { startRuntime } from "./runtime.ts";
import { demoAccounts } from "./seed/index.ts";
import { serveLocal } from "./server.ts";
import { terminalLog } from "./terminal-log.ts";

const webRoot = fileURLToPath(new URL("../../../web/dist", import.meta.url));

async function main() {
  const config = loadLocalConfig();
  const url = `http://localhost:${config.PORT}`;
  // A signal while starting ends the process at once; DynamoDB Local goes with it (see dynamo.ts).
  let stop: (signal: string) => unknown = () => process.exit(1);
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  const where = config.inMemory ? "in memory" : `data in ${config.dataDir}`;
  console.log(`thidua: starting DynamoDB Local and the S3-compatible file server (${where})…`);
  // The local outbox: what would be mailed is printed, and the operator reads it in the dashboard.
  const runtime = await startRuntime(config, {
    log: terminalLog({
      level: config.LOG_LEVEL,
      requestsFile: config.inMemory ? undefined : join(config.dataDir, "requests.log"),
    }),
    deliver: (m) =>
      console.log(
        `\n✉  ${m.purpose === "invitation" ? "Invitation" : "Password reset"} for ${m.name} <${m.to}>` +
          ` (until ${new Date(m.expiresAt).toLocaleString("vi-VN")}):\n   ${m.link}\n`,
      ),
    // The first start seeds 35 provinces: a line says how far it is (rewritten in place on a terminal).
    onSeedProgress: ({ done, total, name }) => {
      const line = `thidua: seeding the demo, ${done}/${total} provinces (${name})`;
      if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(80)}${done === total ? "\n" : ""}`);
      else console.log(line);
    },
  });
  const server = serveLocal({ app: runtime.app, webRoot, port: config.PORT, host: config.HOST });

  let stopping = false;
  stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nthidua: ${signal} received, stopping…`);
    server.close();
    await runtime.stop();
    process.exit(0);
  };
  server.on("error", async (error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? `Port ${config.PORT} is in use: set PORT to another one.` : error);
    await runtime.stop();
    process.exit(1);
  });

  server.on("listening", () => {
    console.log(`thidua is running on ${url}  (API ${url}/api, reference ${url}/api-reference.html)`);
    console.log(runtime.seeded ? "Demo provinces seeded." : "Existing data kept.");
    console.log(`Demo accounts (password: ${config.DEMO_PASSWORD}):`);
    for (const a of demoAccounts) {
      console.log(`  ${a.role.padEnd(9)} ${a.email.padEnd(38)} ${a.name}`);
    }
    console.log("Ctrl-C stops everything.");
  });
}

main().catch((error) => {
  console.error(`thidua could not start: ${(error as Error).message}`);
  process.exit(1);
});
