import { z } from "zod";

/** The bench's configuration; nothing else in bench/ reads process.env. */
const flag = z
  .enum(["0", "1"])
  .optional()
  .transform((value) => value === "1");

const BenchEnv = z.object({
  /** A short run while working on the bench itself; the figures written into the docs come from a full one. */
  BENCH_QUICK: flag,
  /** Leave out the memory of `npm start` (it seeds the demo, a minute or two each time). */
  BENCH_SKIP_RSS: flag,
  /** Print only: leave the docs as they are. */
  BENCH_DRY_RUN: flag,
  PATH: z.string().default(""),
});

const parsed = BenchEnv.safeParse(process.env);
if (!parsed.success)
  throw new Error(
    `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
  );
export const benchEnv = parsed.data;

/** The environment the bench was started with, for a child that should see what `npm start` would. */
export const inheritedEnv = (): NodeJS.ProcessEnv => ({ ...process.env });
