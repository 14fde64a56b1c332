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
