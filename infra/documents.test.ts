import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_HANDLER, Api, DOCUMENTS_HANDLER } from "./api.ts";
import { Auth } from "./auth.ts";
import { Storage } from "./storage.ts";
import { actionsOf, type Resource, resourceOf, resourcesOf, type Statement, synthesize } from "./testing.ts";

let api: Template;

const functionFor = (handler: string): Resource => {
  const found = resourcesOf(api, "AWS::Lambda::Function").filter((f) => f.Properties.Handler === handler);
  if (found.length !== 1) throw new Error(`No single function for ${handler}`);
  return found[0] as Resource;
};
const roleIdOf = (fn: Resource): string => fn.Properties.Role["Fn::GetAtt"][0];

/** Every statement granted to a role: its inline policies and the AWS::IAM::Policy resources attached to it. */
function statementsOf(roleId: string): Statement[] {
  const inline = (resourceOf(api, "AWS::IAM::Role", roleId).Properties.Policies ?? []).flatMap(
    (p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement,
  );
  const attached = resourcesOf(api, "AWS::IAM::Policy")
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  return [...inline, ...attached];
}

describe("the documents function", () => {
  beforeAll(async () => {
    vi.stubEnv("OPERATOR_EMAIL", "ops@example.gov.vn");
    api = (await synthesize([Storage, Auth, Api], { stage: "test" })).template(Api);
    vi.unstubAllEnvs();
  });

  it("runs like the API function: a minified Node 22 bundle on arm64, told the files bucket", () => {
    const fn = functionFor(DOCUMENTS_HANDLER).Properties;
    const apiFn = functionFor(API_HANDLER).Properties;
    expect([fn.Runtime, fn.Architectures]).toEqual([apiFn.Runtime, apiFn.Architectures]);
    expect([fn.Runtime, fn.Architectures]).toEqual(["nodejs22.x", ["arm64"]]);
    expect(fn.Code.S3Key).toMatch(/\.zip$/);
    expect(JSON.stringify(fn.Environment.Variables.FILES_BUCKET)).toMatch(/FilesBucket/);
    // It answers within the API function's own timeout.
    expect(fn.Timeout).toBeLessThan(apiFn.Timeout);
  });

  it("may only put objects under the provinces' documents/ prefixes: no read, no delete, no listing, no table", () => {
    const statements = statementsOf(roleIdOf(functionFor(DOCUMENTS_HANDLER)));
    const granted = statements.filter((s) =>
      actionsOf(s).some((a) => a.startsWith("s3:") || a.startsWith("dynamodb:") || a === "*"),
    );
    expect(granted).toHaveLength(1);
    const [statement] = granted as [Statement];
    expect([statement.Effect, actionsOf(statement)]).toEqual(["Allow", ["s3:PutObject"]]);
    const resources = [statement.Resource].flat();
    expect(resources).toHaveLength(1);
    const [, parts] = (resources[0] as { "Fn::Join": [string, unknown[]] })["Fn::Join"];
    expect(JSON.stringify(parts.slice(0, -1))).toMatch(/FilesBucket.*Arn/);
    expect(parts.at(-1)).toBe("/T/*/documents/*");
    expect(JSON.stringify(statements)).not.toMatch(/dynamodb:|sts:AssumeRole|s3:(Get|Delete|List|\*)/);
  });

  it("is invoked by the API function, which is told its name and may invoke nothing else", () => {
    const documentsId = functionFor(DOCUMENTS_HANDLER).id;
    const env = functionFor(API_HANDLER).Properties.Environment.Variables;
    expect(env.DOCUMENTS_FUNCTION_NAME).toEqual({ Ref: documentsId });
    const invoke = statementsOf(roleIdOf(functionFor(API_HANDLER))).filter((s) =>
      actionsOf(s).some((a) => a.startsWith("lambda:")),
    );
    expect(invoke).toHaveLength(1);
    const [statement] = invoke as [Statement];
    expect(actionsOf(statement)).toEqual(["lambda:InvokeFunction"]);
    const resources = [statement.Resource].flat();
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources) expect(JSON.stringify(r)).toContain(documentsId);
  });
});
