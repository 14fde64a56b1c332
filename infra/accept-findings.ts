import { CfnResource, Stack } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * AWS Solutions best-practice rules (cdk-nag, infra/nag.ts) run over every stack in the tests and the deploy
 * rehearsal. A rule that does not fit a resource is accepted here, next to that resource, with its reason,
 * as the `cdk_nag` metadata cdk-nag reads; the stacks themselves do not load cdk-nag.
 */

/** A finding accepted on one construct: the rule (optionally only for some of what it flags) and why. */
export type Accepted = Record<string, string | { reason: string; only: RegExp[] }>;

/**
 * Accepts findings on a construct's resource (and, with `children`, on every resource inside it: for those a
 * construct of SST's or CDK's creates). `only` narrows a rule such as IAM5 to the wildcards named, so a new
 * wildcard is a new finding.
 */
export function accept(construct: IConstruct, accepted: Accepted, { children = false } = {}): void {
  const rules = Object.entries(accepted).map(([id, why]) => {
    const reason = typeof why === "string" ? why : why.reason;
    if (reason.length < 10 || /[^\x20-\x7e]/.test(reason)) throw new Error(`${id}: give a reason, in plain ASCII`);
    return typeof why === "string"
      ? { reason, id }
      : { reason, id, applies_to: why.only.map((regex) => ({ regex: `/${regex.source}/g` })) };
  });
  // On a stack: for what SST creates in it after our code has run (a StaticSite's uploader policy).
  if (construct instanceof Stack) {
    const metadata = construct.templateOptions.metadata ?? {};
    metadata.cdk_nag = { rules_to_suppress: [...(metadata.cdk_nag?.rules_to_suppress ?? []), ...rules] };
    construct.templateOptions.metadata = metadata;
    return;
  }
  for (const node of children ? construct.node.findAll() : [construct]) {
    const resource = node.node.defaultChild ?? node;
    if (!(resource instanceof CfnResource)) continue;
    const existing = (resource.getMetadata("cdk_nag")?.rules_to_suppress ?? []) as unknown[];
    resource.addMetadata("cdk_nag", { rules_to_suppress: [...existing, ...rules] });
  }
}

const BASIC_EXECUTION_POLICY =
  /^Policy::arn:<AWS::Partition>:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole$/;

/** The managed policy CDK gives every function role: writing the function's own logs, nothing else. */
export const BASIC_EXECUTION_ROLE = {
  reason: "AWS's basic execution policy lets the function write its own log group, nothing else",
  only: [BASIC_EXECUTION_POLICY],
};

/** Accepted for the helper function SST adds to every stack (it writes the stack's metadata on deploy). */
export function acceptSstStackHelper(stack: Stack): void {
  const helper = stack.node.tryFindChild("CustomResourceHandler");
  if (!helper) return;
  accept(
    helper,
    {
      "AwsSolutions-L1": "SST's own stack-metadata function: its runtime is SST's choice, not ours",
      "AwsSolutions-IAM4": BASIC_EXECUTION_ROLE,
    },
    { children: true },
  );
}
