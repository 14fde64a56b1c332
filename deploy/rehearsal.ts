import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type CfnElement, Stack } from "aws-cdk-lib";
import { Function as SstFunction } from "sst/constructs";
import { useProject } from "sst/project.js";
import { LAMBDA_ENVIRONMENTS, LOCAL_ONLY_VARIABLES } from "../functions/src/env.ts";
import { coldStartBudgetsKiB } from "../infra/bundling.ts";
import type { Synthesized } from "../infra/synthesize.ts";
import { REGION, templateValues } from "../infra/template-values.ts";

/** One of our Lambda functions as a synthesized stack deploys it. */
export interface StackFunction {
  /** `<stack>/<logical id>`, for messages. */
  id: string;
  /** The entry's name: `functions/src/lambda/<name>.ts`. */
  name: string;
  /** The folder SST bundled it into, uploaded as the function's code. */
  bundleDir: string;
  /** The file and export Lambda's runtime loads, from the template's `Handler`. */
  entryFile: string;
  exportName: string;
  /** The variables the stack sets, with placeholders for what only a deploy knows (ARNs, names, URLs). */
  environment: Record<string, string>;
  memoryMiB: number;
  /** Lambda's runtime identifier, such as `nodejs24.x`. */
  runtime: string;
}

/** Set on every function by SST and read by the runtime, the SDK or SST, not by our code. */
const PLATFORM_VARIABLES = ["AWS_NODEJS_CONNECTION_REUSE_ENABLED", "SST_APP", "SST_STAGE", "SST_SSM_PREFIX"];

/** Our functions in a synthesized app (SST functions built from `functions/src/lambda/`), with what each stack gives them. */
export function functionsOf(synthesized: Synthesized): StackFunction[] {
  const values = templateValues([...synthesized.templates.values()].map((t) => t.toJSON()));
  const artifacts = useProject().paths.artifacts;
  return synthesized.app.node
    .findAll()
    .filter((c): c is SstFunction => c instanceof SstFunction)
    .map((fn) => {
      const stack = Stack.of(fn);
      const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
      const template = synthesized.templates.get(stack.stackName)?.toJSON();
      const properties = template?.Resources?.[logicalId]?.Properties;
      if (!properties) throw new Error(`${stack.stackName}/${logicalId} is not in its stack's template`);
      const handler = String(properties.Handler);
      const dot = handler.lastIndexOf(".");
      const bundleDir = join(artifacts, fn.node.addr);
      return {
        id: `${stack.stackName}/${logicalId}`,
        name: handler.slice(0, dot).split("/").at(-1) ?? handler,
        bundleDir,
        entryFile: join(bundleDir, `${handler.slice(0, dot)}.mjs`),
        exportName: handler.slice(dot + 1),
        environment: values.resolve(template, properties.Environment?.Variables ?? {}),
        memoryMiB: Number(properties.MemorySize ?? 128),
        runtime: String(properties.Runtime),
      };
    });
}

/**
 * The stack's variables against what the entry reads (functions/src/env.ts): each one it needs on AWS is
 * set, nothing set is unknown to it (a misspelt name), and no local-only endpoint is set.
 */
export function environmentProblems(fn: StackFunction): string[] {
  const declared = LAMBDA_ENVIRONMENTS[fn.name as keyof typeof LAMBDA_ENVIRONMENTS];
  if (!declared) return [`no environment is declared for "${fn.name}" in functions/src/env.ts (LAMBDA_ENVIRONMENTS)`];
  const reads = Object.keys(declared.schema.shape);
  const set = Object.keys(fn.environment);
  const problems: string[] = [];
  for (const name of declared.fromStack)
    if (!set.includes(name)) problems.push(`the stack does not set ${name}, which the function needs on AWS`);
  for (const name of set) {
    if ((LOCAL_ONLY_VARIABLES as string[]).includes(name))
      problems.push(`the stack sets ${name}, which only the local runtime may set`);
    else if (!reads.includes(name) && !PLATFORM_VARIABLES.includes(name))
      problems.push(`the stack sets ${name}, which the function never reads (a misspelt name?)`);
  }
  return problems;
}

/** What Lambda's Node.js runtime adds to a function's own variables (credentials are placeholders: nothing calls AWS). */
function lambdaRuntimeVariables(fn: StackFunction): Record<string, string> {
  return {
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMiB),
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_ACCESS_KEY_ID: "ASIAREHEARSAL",
    AWS_SECRET_ACCESS_KEY: "rehearsal",
    AWS_SESSION_TOKEN: "rehearsal",
    LAMBDA_TASK_ROOT: fn.bundleDir,
    TZ: ":UTC",
    LANG: "en_US.UTF-8",
    PATH: "/usr/local/bin:/usr/bin:/bin",
    // Lambda runs a newer Node; the SDK's notice about an older local Node says nothing about the bundle.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

export interface LoadResult {
  problems: string[];
  /** What the cold start loaded: the entry and every chunk it imported before answering. */
  coldKiB: number;
  statusCode?: number;
}

const loader = fileURLToPath(new URL("./load-function.mjs", import.meta.url));
const run = promisify(execFile);

/**
 * Loads a function's bundle in a fresh Node process, in its folder, with only its stack's variables and
 * Lambda's own, and (when given) answers one event; fails on an import that throws (a missing variable, a
 * missing file), a handler that is not exported, an answer other than the one expected, or a cold start
 * over the function's budget (infra/bundling.ts).
 */
export async function loadFunction(
  fn: StackFunction,
  probe?: { event: unknown; statusCode: number },
): Promise<LoadResult> {
  const scratch = mkdtempSync(join(tmpdir(), "thidua-rehearsal-"));
  const loads = join(scratch, "loads");
  const problems: string[] = [];
  let statusCode: number | undefined;
  try {
    const args = [loader, fn.entryFile, fn.exportName, loads, ...(probe ? [JSON.stringify(probe.event)] : [])];
    try {
      const { stdout } = await run(process.execPath, args, {
        cwd: fn.bundleDir,
        env: { ...fn.environment, ...lambdaRuntimeVariables(fn) },
        timeout: 60_000,
      });
      statusCode = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}").statusCode;
      if (probe && statusCode !== probe.statusCode)
        problems.push(`answered ${statusCode} where ${probe.statusCode} was expected`);
    } catch (error) {
      const { stderr, message } = error as { stderr?: string; message: string };
      problems.push(`does not load: ${errorLine(stderr || message)}`);
    }
    const coldKiB = loadedBytes(loads, fn.bundleDir) / 1024;
    const budget = coldStartBudgetsKiB[fn.name];
    if (budget !== undefined && coldKiB > budget)
      problems.push(`loads ${coldKiB.toFixed(0)} KiB at a cold start, over its budget of ${budget} KiB`);
    return { problems, coldKiB, ...(statusCode === undefined ? {} : { statusCode }) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The size of the distinct files under `dir` the process recorded loading. */
function loadedBytes(loads: string, dir: string): number {
  let recorded: string[];
  try {
    recorded = readFileSync(loads, "utf8").split("\n");
  } catch {
    return 0;
  }
  const files = new Set(recorded.filter((url) => url.startsWith("file:")).map((url) => fileURLToPath(url)));
  return [...files].filter((file) => file.startsWith(`${dir}/`)).reduce((sum, file) => sum + statSync(file).size, 0);
}

/** The error Node printed (it prints the bundle's minified source line above it), or the output's last line. */
function errorLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim());
  const error = lines.find((line) => /^(\w*Error|Error \[\w+\]):/.test(line)) ?? lines.filter(Boolean).at(-1) ?? text;
  return error.slice(0, 500);
}

export interface TemplateLint {
  /** False when cfn-lint is not installed (it is optional: a Python tool). */
  available: boolean;
  errors: string[];
  warnings: number;
}

/**
 * The synthesized templates through cfn-lint, when it is installed (`pip install cfn-lint`): its errors
 * fail the rehearsal, its warnings are counted (today's are CDK's redundant DependsOn and SST's outputs).
 */
export async function lintTemplates(templates: ReadonlyMap<string, { toJSON(): unknown }>): Promise<TemplateLint> {
  const scratch = mkdtempSync(join(tmpdir(), "thidua-cfn-lint-"));
  try {
    const files = [...templates].map(([name, template]) => {
      const file = join(scratch, `${name}.json`);
      writeFileSync(file, JSON.stringify(template.toJSON()));
      return file;
    });
    try {
      await run("cfn-lint", ["--format", "parseable", "--regions", REGION, "--", ...files], { timeout: 300_000 });
      return { available: true, errors: [], warnings: 0 };
    } catch (error) {
      const { code, stdout } = error as { code?: number | string; stdout?: string };
      if (code === "ENOENT") return { available: false, errors: [], warnings: 0 };
      // Parseable lines: file:line:column:endLine:endColumn:rule:message; rules E… are errors, W… warnings.
      const lines = (stdout ?? "").split("\n").filter(Boolean);
      const rule = (line: string) => line.split(":")[5] ?? "";
      const errors = lines.filter((line) => rule(line).startsWith("E")).map((line) => line.replace(`${scratch}/`, ""));
      if (typeof code === "number" && (code & 2) !== 0 && errors.length === 0) errors.push(`cfn-lint exited ${code}`);
      return { available: true, errors, warnings: lines.filter((line) => rule(line).startsWith("W")).length };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
