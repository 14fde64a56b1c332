/*
 * Run by the deploy rehearsal in a fresh Node process, in a function's bundle folder and with exactly the
 * environment Lambda would give it: imports the entry as Lambda's Node.js runtime does, checks its handler
 * export, invokes it with one event when given, and has every file the process loads recorded (a resolve
 * hook), so the rehearsal knows what a cold start loads.
 * argv: <entry file> <export name> <file recording the loads> [event as JSON]
 */
import { register } from "node:module";
import { pathToFileURL } from "node:url";

const [entry, exportName, loads, event] = process.argv.slice(2);
register("./record-loads.mjs", import.meta.url, { data: { loads } });
const loaded = await import(pathToFileURL(entry).href);
const handler = loaded[exportName];
if (typeof handler !== "function") {
  console.error(`the bundle exports no function "${exportName}" (found ${typeof handler})`);
  process.exit(3);
}
const answer = event ? await handler(JSON.parse(event), { getRemainingTimeInMillis: () => 10_000 }) : undefined;
console.log(JSON.stringify({ statusCode: answer?.statusCode }));
