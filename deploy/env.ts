import { z } from "zod";

/** The rehearsal's configuration: which stage to rehearse, and the operator email every deployable stage needs. */
const RehearsalEnv = z.object({
  STAGE: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .default("prod"),
  OPERATOR_EMAIL: z.string().default("ops@example.gov.vn"),
});

export function loadRehearsalEnv(source: Record<string, string | undefined> = process.env) {
  const env = RehearsalEnv.parse(source);
  // The Auth stack reads it from the environment, as `sst deploy` does.
  process.env.OPERATOR_EMAIL = env.OPERATOR_EMAIL;
  return env;
}

/** The smoke test's secret: the operator's password, from the environment only. */
export function loadSmokeEnv(source: Record<string, string | undefined> = process.env) {
  const parsed = z.object({ SMOKE_OPERATOR_PASSWORD: z.string().min(1) }).safeParse(source);
  if (!parsed.success) {
    console.error("Set SMOKE_OPERATOR_PASSWORD to the operator's password (it is never taken from the command line).");
    process.exit(2);
  }
  return parsed.data;
}
