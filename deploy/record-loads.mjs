/* Module hooks for load-function.mjs: appends the URL of every file module the process resolves to a file. */
import { appendFileSync } from "node:fs";

let loads;
export function initialize(data) {
  loads = data.loads;
}
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith("file:")) appendFileSync(loads, `${resolved.url}\n`);
  return resolved;
}
