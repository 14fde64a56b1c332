import { Template } from "aws-cdk-lib/assertions";
import { App, Stack, type StackContext } from "sst/constructs";
import { initProject } from "sst/project.js";

/* Offline synthesis of the app's stacks, for the infra tests and the deploy rehearsal. */

type StackFn = (ctx: StackContext) => unknown;

export interface SynthOptions {
  stage?: string;
  /** Stacks for which SST builds code (functions, sites); the others get placeholders, as in `sst deploy <filter>`. */
  isActiveStack?: (stackName: string) => boolean;
  /** Called on the app once its stacks are built, before they are synthesized (to add aspects, say). */
  beforeSynthesis?: (app: App) => void;
}

export interface Synthesized {
  app: App;
  template(fn: StackFn): Template;
  /** Every stack's template, by stack name. */
  templates: ReadonlyMap<string, Template>;
}

/**
 * Synthesizes stacks the way `sst deploy` does, minus AWS: `initProject` reads sst.config.ts,
 * `App` in deploy mode builds the Lambda code with esbuild, `finish()` runs SST's deferred tasks.
 * What needs credentials stays off: the account is a placeholder (the CLI asks STS for it), and
 * SST skips its bootstrap lookup (sourcemap upload) when NODE_ENV is "test", which vitest sets and the
 * deploy rehearsal sets for itself.
 *
 * `stacks` is a list of stack functions, or sst.config.ts's own `stacks(app)`.
 */
export async function synthesize(
  stacks: StackFn[] | ((app: App) => void | Promise<void>),
  options: SynthOptions = {},
): Promise<Synthesized> {
  if (process.env.NODE_ENV !== "test")
    throw new Error("synthesize() runs offline only with NODE_ENV=test (SST then skips its AWS bootstrap lookup)");
  // SST runs `npm install` in every function's build folder (empty here: nothing is external); keep npm offline.
  process.env.npm_config_offline = "true";
  process.env.npm_config_audit = "false";
  process.env.npm_config_fund = "false";
  process.env.npm_config_update_notifier = "false";

  // Two vitest workers share the repository's .sst/ folder and cwd: SST names its compiled config
  // `.sst.config.<Date.now()>.mjs` and deletes it after import, and every App empties .sst/types/.
  // A worker can lose its file to the other one; that is a missing file, and trying again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      return await synthesizeOnce(stacks, options);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || (code !== "ENOENT" && code !== "ERR_MODULE_NOT_FOUND")) throw error;
    }
  }
}

async function synthesizeOnce(
  stacks: StackFn[] | ((app: App) => void | Promise<void>),
  { stage = "test", isActiveStack, beforeSynthesis }: SynthOptions,
): Promise<Synthesized> {
  await initProject({ stage });
  const app = new App({
    mode: "deploy",
    stage,
    name: "thidua",
    region: "ap-southeast-1",
    account: "123456789012",
    ...(isActiveStack ? { isActiveStack } : {}),
  });
  if (Array.isArray(stacks)) for (const fn of stacks) await app.stack(fn);
  else await stacks(app);
  await app.finish();
  beforeSynthesis?.(app);

  // Templates are taken now: SST's getStack() follows the most recent App.
  const templates = new Map<string, Template>();
  for (const child of app.node.children) {
    if (child instanceof Stack) templates.set(child.stackName, Template.fromStack(child));
  }
  return {
    app,
    templates,
    template(fn) {
      const template = templates.get(app.logicalPrefixedName(fn.name));
      if (!template) throw new Error(`Stack ${fn.name} was not synthesized`);
      return template;
    },
  };
}
