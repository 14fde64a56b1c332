import { Template } from "aws-cdk-lib/assertions";
import { App, Stack, type StackContext } from "sst/constructs";
import { initProject } from "sst/project.js";

type StackFn = (ctx: StackContext) => unknown;

export interface SynthOptions {
  stage?: string;
  /** Stacks for which SST builds code (functions, sites); the others get placeholders, as in `sst deploy <filter>`. */
  isActiveStack?: (stackName: string) => boolean;
}

export interface Synthesized {
  app: App;
  template(fn: StackFn): Template;
}

/**
 * Synthesizes stacks the way `sst deploy` does, minus AWS: `initProject` reads sst.config.ts,
 * `App` in deploy mode builds the Lambda code with esbuild, `finish()` runs SST's deferred tasks.
 * What needs credentials stays off: the account is a placeholder (the CLI asks STS for it), and
 * SST skips its bootstrap lookup (sourcemap upload) when NODE_ENV is "test", which vitest sets.
 *
 * `stacks` is a list of stack functions, or sst.config.ts's own `stacks(app)`.
 */
export async function synthesize(
  stacks: StackFn[] | ((app: App) => void | Promise<void>),
  options: SynthOptions = {},
): Promise<Synthesized> {
  if (process.env.NODE_ENV !== "test") throw new Error("synthesize() is for tests (NODE_ENV=test)");
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
  { stage = "test", isActiveStack }: SynthOptions,
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

  // Templates are taken now: SST's getStack() follows the most recent App.
  const templates = new Map<string, Template>();
  for (const child of app.node.children) {
    if (child instanceof Stack) templates.set(child.stackName, Template.fromStack(child));
  }
  return {
    app,
    template(fn) {
      const template = templates.get(app.logicalPrefixedName(fn.name));
      if (!template) throw new Error(`Stack ${fn.name} was not synthesized`);
      return template;
    },
  };
}

export interface Resource {
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties, read by assertions that state their shape
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The resources of one type in a template, with their ids. */
export function resourcesOf(template: Template, type: string): Resource[] {
  return Object.entries(template.findResources(type)).map(([id, r]) => ({ id, Properties: {}, ...r }));
}

/** The only resource of a type whose logical id starts with `prefix`. */
export function resourceOf(template: Template, type: string, prefix = ""): Resource {
  const found = resourcesOf(template, type).filter((r) => r.id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`Expected one ${type} "${prefix}*", found ${found.length}`);
  return found[0] as Resource;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Principal?: unknown;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** The `dynamodb:LeadingKeys` patterns a statement is restricted to, or undefined when it is not. */
export function leadingKeysOf(s: Statement): string[] | undefined {
  const value = s.Condition?.["ForAllValues:StringLike"]?.["dynamodb:LeadingKeys"];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value as string];
}

export interface PolicyDocument {
  Version?: string;
  Statement: Statement[];
}

/** AWS's managed policy every function role gets from CDK: writing its own logs, nothing else. */
const LAMBDA_BASIC_EXECUTION: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: "*",
    },
  ],
};

/**
 * Every identity policy of a role, by name: its inline policies, the AWS::IAM::Policy resources attached to
 * it and its managed policies (only AWSLambdaBasicExecutionRole is known; any other is an error, so that
 * nothing a role holds escapes the assertions made on this list).
 */
export function identityPoliciesOf(template: Template, roleId: string): { name: string; policy: PolicyDocument }[] {
  const role = resourceOf(template, "AWS::IAM::Role", roleId);
  const inline = (role.Properties.Policies ?? []).map((p: { PolicyName: string; PolicyDocument: PolicyDocument }) => ({
    name: p.PolicyName,
    policy: p.PolicyDocument,
  }));
  const attached = resourcesOf(template, "AWS::IAM::Policy")
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .map((p) => ({ name: p.id, policy: p.Properties.PolicyDocument as PolicyDocument }));
  const managed = (role.Properties.ManagedPolicyArns ?? []).map((arn: unknown) => {
    if (!JSON.stringify(arn).includes(':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"'))
      throw new Error(`${roleId} has a managed policy the tests do not know: ${JSON.stringify(arn)}`);
    return { name: "AWSLambdaBasicExecutionRole", policy: LAMBDA_BASIC_EXECUTION };
  });
  return [...inline, ...attached, ...managed];
}
