import type { Template } from "aws-cdk-lib/assertions";

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
