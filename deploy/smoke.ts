/*
 * npm run smoke -- --url https://<api>.execute-api.<region>.amazonaws.com --operator-email ops@example.gov.vn
 * After a deploy, checks the stage from outside (deploy/smoke-run.ts) and cleans up after itself. The
 * operator's password comes from SMOKE_OPERATOR_PASSWORD (never the command line, which shells keep); on AWS
 * the run uses the caller's AWS credentials to give the two throwaway board accounts a password and to
 * delete them afterwards. Exits 1 when a check fails.
 */
import { parseArgs } from "node:util";
import { loadSmokeEnv } from "./env.ts";
import { smoke } from "./smoke-run.ts";

const { values } = parseArgs({
  options: { url: { type: "string" }, "operator-email": { type: "string" } },
});
if (!values.url || !values["operator-email"]) {
  console.error("Usage: SMOKE_OPERATOR_PASSWORD=… npm run smoke -- --url <ApiUrl> --operator-email <operator's email>");
  process.exit(2);
}
const { SMOKE_OPERATOR_PASSWORD } = loadSmokeEnv();
console.log(`Smoke test of ${values.url}`);
const result = await smoke({
  url: values.url,
  operatorEmail: values["operator-email"],
  operatorPassword: SMOKE_OPERATOR_PASSWORD,
  log: (line) => console.log(line),
});
console.log(result.passed ? "Smoke test passed." : "Smoke test failed (docs/deploy.md says what each step needs).");
process.exit(result.passed ? 0 : 1);
