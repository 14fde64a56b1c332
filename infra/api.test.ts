import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AGGREGATE_HANDLER, API_HANDLER, Api, ARCHIVE_HANDLER, DOCUMENTS_HANDLER } from "./api.ts";
import { Auth } from "./auth.ts";
import { DIRECTORY_ACTIONS, FILE_ACTIONS, ITEM_ACTIONS, READ_ACTIONS } from "./data-access.ts";
import { Storage } from "./storage.ts";
import { synthesize } from "./synthesize.ts";
import {
  actionsOf,
  identityPoliciesOf,
  leadingKeysOf,
  type Resource,
  resourceOf,
  resourcesOf,
  type Statement,
} from "./testing.ts";

let api: Template;

/** The Lambda function built from a handler path (SST keeps the path, with the bundle's extension). */
const functionFor = (handler: string): Resource => {
  const found = resourcesOf(api, "AWS::Lambda::Function").filter((f) => f.Properties.Handler === handler);
  if (found.length !== 1) throw new Error(`No single function for ${handler}`);
  return found[0] as Resource;
};
const roleIdOf = (fn: Resource): string => fn.Properties.Role["Fn::GetAtt"][0];

/** Every statement granted to a role (its inline, attached and managed policies). */
const statementsOf = (roleId: string): Statement[] =>
  identityPoliciesOf(api, roleId).flatMap((p) => p.policy.Statement);

const dynamoStatements = (statements: Statement[]) =>
  statements.filter((s) => actionsOf(s).some((a) => a.startsWith("dynamodb:") || a === "*"));
const s3Statements = (statements: Statement[]) =>
  statements.filter((s) => actionsOf(s).some((a) => a.startsWith("s3:") || a === "*"));
/** Item-level access: everything but the stream reads the event source mapping needs. */
const STREAM_ACTIONS = [
  "dynamodb:ListStreams",
  "dynamodb:DescribeStream",
  "dynamodb:GetRecords",
  "dynamodb:GetShardIterator",
];
const itemStatements = (statements: Statement[]) =>
  dynamoStatements(statements).filter((s) => actionsOf(s).some((a) => !STREAM_ACTIONS.includes(a)));

describe("Api stack", () => {
  beforeAll(async () => {
    vi.stubEnv("OPERATOR_EMAIL", "ops@example.gov.vn");
    api = (await synthesize([Storage, Auth, Api], { stage: "test" })).template(Api);
    vi.unstubAllEnvs();
  });

  it("runs both functions as minified Node 24 bundles on arm64", () => {
    for (const handler of [API_HANDLER, AGGREGATE_HANDLER]) {
      const fn = functionFor(handler).Properties;
      expect(fn.Runtime).toBe("nodejs24.x");
      expect(fn.Architectures).toEqual(["arm64"]);
      // Built by SST's esbuild during synthesis, not SST's inline placeholder.
      expect(fn.Code.S3Key).toMatch(/\.zip$/);
    }
  });

  it("configures the API function like env.ts expects, with the Cognito issuer and the data roles", () => {
    const env = functionFor(API_HANDLER).Properties.Environment.Variables;
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        "TABLE_NAME",
        "FILES_BUCKET",
        "AUTH_ISSUER",
        "AUTH_AUDIENCE",
        "AUTH_JWKS_URL",
        "COGNITO_USER_POOL_ID",
        "TENANT_ROLE_ARN",
        "NATIONAL_ROLE_ARN",
      ]),
    );
    expect(JSON.stringify(env.AUTH_ISSUER)).toContain("https://cognito-idp.ap-southeast-1.amazonaws.com/");
    expect(JSON.stringify(env.AUTH_JWKS_URL)).toContain("/.well-known/jwks.json");
    expect(env.TENANT_ROLE_ARN).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^TenantDataRole/), "Arn"] });
    // The Storage stack's bucket, imported by name.
    expect(JSON.stringify(env.FILES_BUCKET)).toMatch(/FilesBucket/);
  });

  it("limits the tenant role to the session tenant's keys, without Scan", () => {
    const statements = dynamoStatements(statementsOf(resourceOf(api, "AWS::IAM::Role", "TenantDataRole").id));
    expect(statements).toHaveLength(1);
    const [statement] = statements as [Statement];
    expect(actionsOf(statement).sort()).toEqual([...ITEM_ACTIONS].sort());
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, literally
    expect(leadingKeysOf(statement)).toEqual(["T#${aws:PrincipalTag/TenantId}#*"]);
    expect(JSON.stringify(statements)).not.toMatch(/dynamodb:(Scan|\*)|"\*"/);
  });

  it("limits the tenant role to the session tenant's objects of the files bucket, with no listing", () => {
    const statements = statementsOf(resourceOf(api, "AWS::IAM::Role", "TenantDataRole").id);
    const files = s3Statements(statements);
    expect(files).toHaveLength(1);
    const [statement] = files as [Statement];
    expect(statement.Effect).toBe("Allow");
    expect(actionsOf(statement).sort()).toEqual([...FILE_ACTIONS].sort());
    // One resource: the bucket's ARN (imported from Storage) followed by the session tenant's prefix.
    const resources = [statement.Resource].flat();
    expect(resources).toHaveLength(1);
    const [, parts] = (resources[0] as { "Fn::Join": [string, unknown[]] })["Fn::Join"];
    expect(JSON.stringify(parts.slice(0, -1))).toMatch(/FilesBucket.*Arn/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, literally
    expect(parts.at(-1)).toBe("/T/${aws:PrincipalTag/TenantId}/*");
    expect(statement.Condition).toBeUndefined();
    expect(JSON.stringify(files)).not.toMatch(/s3:(List|\*)|"\*"/);
  });

  it("gives the API function's own role the archives alone (it signs their transfer), and the national role no file", () => {
    const granted = s3Statements(statementsOf(roleIdOf(functionFor(API_HANDLER))));
    expect(granted.map((s) => [actionsOf(s).sort(), JSON.stringify(s.Resource).match(/\/[^"]*\*/g)])).toEqual([
      [["s3:GetObject", "s3:PutObject"], ["/P/archives/*"]],
    ]);
    expect(s3Statements(statementsOf(resourceOf(api, "AWS::IAM::Role", "NationalReadRole").id))).toEqual([]);
    expect(s3Statements(statementsOf(roleIdOf(functionFor(AGGREGATE_HANDLER))))).toEqual([]);
  });

  it("lets only the API function assume the tenant role, and only with a TenantId session tag", () => {
    const trust = resourceOf(api, "AWS::IAM::Role", "TenantDataRole").Properties.AssumeRolePolicyDocument
      .Statement as Statement[];
    const apiRole = roleIdOf(functionFor(API_HANDLER));
    expect(trust).toEqual([
      {
        Effect: "Allow",
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Principal: { AWS: { "Fn::GetAtt": [apiRole, "Arn"] } },
        Condition: {
          StringLike: { "aws:RequestTag/TenantId": "?*" },
          "ForAllValues:StringEquals": { "aws:TagKeys": ["TenantId"] },
        },
      },
    ]);
  });

  it("limits the national role to reading N# keys", () => {
    const statements = statementsOf(resourceOf(api, "AWS::IAM::Role", "NationalReadRole").id);
    expect(statements.map((s) => [actionsOf(s).sort(), leadingKeysOf(s)])).toEqual([
      [[...READ_ACTIONS].sort(), ["N#*"]],
    ]);
  });

  it("gives the API function's own role no DynamoDB access outside platform (P#) keys", () => {
    const statements = statementsOf(roleIdOf(functionFor(API_HANDLER)));
    const dynamo = dynamoStatements(statements);
    expect(dynamo.length).toBeGreaterThan(0);
    for (const statement of dynamo) {
      const keys = leadingKeysOf(statement);
      expect(keys, JSON.stringify(statement)).toBeDefined();
      expect(keys?.every((k) => k.startsWith("P#"))).toBe(true);
    }
    const assume = statements.find((s) => actionsOf(s).includes("sts:AssumeRole"));
    expect(assume && actionsOf(assume)).toEqual(["sts:AssumeRole", "sts:TagSession"]);
    expect(JSON.stringify(assume?.Resource)).toMatch(/TenantDataRole.*NationalReadRole/);
    // No managed policy beyond writing its logs.
    const managed = JSON.stringify(
      resourceOf(api, "AWS::IAM::Role", roleIdOf(functionFor(API_HANDLER))).Properties.ManagedPolicyArns,
    );
    expect(managed).toMatch(/AWSLambdaBasicExecutionRole/);
    expect(managed).not.toMatch(/DynamoDB/i);
  });

  it("lets the API manage people of its own user pool only, and nothing else of Cognito", () => {
    const cognito = statementsOf(roleIdOf(functionFor(API_HANDLER))).filter((s) =>
      actionsOf(s).some((a) => a.startsWith("cognito-idp:")),
    );
    expect(cognito).toHaveLength(1);
    const [grant] = cognito as [Statement];
    expect(actionsOf(grant).sort()).toEqual([...DIRECTORY_ACTIONS].sort());
    expect(actionsOf(grant).every((a) => a.startsWith("cognito-idp:Admin"))).toBe(true);
    // One resource: the Auth stack's pool, by its ARN (imported across stacks), never a wildcard.
    const resources = [grant.Resource].flat();
    expect(resources).toHaveLength(1);
    expect(JSON.stringify(resources[0])).toMatch(/UserPool.*Arn/);
    expect(JSON.stringify(resources[0])).not.toContain("*");
  });

  it("lets the aggregator read tenant partitions and write national ones only", () => {
    const statements = itemStatements(statementsOf(roleIdOf(functionFor(AGGREGATE_HANDLER))));
    expect(statements.map((s) => [actionsOf(s).sort(), leadingKeysOf(s)])).toEqual([
      [["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"], ["T#*"]],
      [["dynamodb:PutItem"], ["N#*"]],
    ]);
  });

  it("grants Scan to the archive function alone, on the base table", () => {
    const archiveRole = roleIdOf(functionFor(ARCHIVE_HANDLER));
    const others = [
      ...resourcesOf(api, "AWS::IAM::Policy")
        .filter((p) => !JSON.stringify(p.Properties.Roles).includes(archiveRole))
        .map((p) => p.Properties.PolicyDocument),
      ...resourcesOf(api, "AWS::IAM::Role").map((r) => r.Properties.Policies ?? []),
    ];
    expect(JSON.stringify(others)).not.toMatch(/dynamodb:Scan|dynamodb:\*/);
    const scans = statementsOf(archiveRole).filter((s) => actionsOf(s).includes("dynamodb:Scan"));
    expect(scans.map((s) => [actionsOf(s), JSON.stringify(s.Resource)])).toEqual([
      [["dynamodb:Scan"], expect.stringMatching(/^\{"Fn::ImportValue":"[^"]*Table[^"]*"\}$|Table/)],
    ]);
    expect(JSON.stringify(scans)).not.toContain("index");
  });

  it("feeds the aggregator from the table's stream with retries, bisection, a record age limit and a dead-letter queue", () => {
    const mapping = resourceOf(api, "AWS::Lambda::EventSourceMapping").Properties;
    const dlq = resourceOf(api, "AWS::SQS::Queue", "AggregateDeadLetterQueue");
    expect(mapping).toMatchObject({
      FunctionName: { Ref: expect.stringMatching(/^AggregateFunction/) },
      StartingPosition: "TRIM_HORIZON",
      MaximumRetryAttempts: 5,
      BisectBatchOnFunctionError: true,
      MaximumRecordAgeInSeconds: 86_400,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [dlq.id, "Arn"] } } },
    });
    expect(JSON.stringify(mapping.EventSourceArn)).toMatch(/StreamArn/);
    expect(JSON.parse(mapping.FilterCriteria.Filters[0].Pattern)).toEqual({
      dynamodb: { Keys: { pk: { S: [{ prefix: "T#" }] } } },
    });
    expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it("routes every HTTP API request to the API function", () => {
    const route = resourceOf(api, "AWS::ApiGatewayV2::Route").Properties;
    expect(route.RouteKey).toBe("$default");
    const integration = resourceOf(api, "AWS::ApiGatewayV2::Integration").Properties;
    expect(JSON.stringify(integration.IntegrationUri)).toContain(functionFor(API_HANDLER).id);
    expect(resourceOf(api, "AWS::ApiGatewayV2::Api").Properties.ProtocolType).toBe("HTTP");
  });

  it("alarms on API 5xx, on errors and throttles of every function and on any dead letter, to the operator", () => {
    const alarms = resourcesOf(api, "AWS::CloudWatch::Alarm").map((a) => a.Properties);
    const metric = (name: string, namespace: string) =>
      alarms.filter((a) => a.MetricName === name && a.Namespace === namespace);
    expect(metric("5xx", "AWS/ApiGateway")).toHaveLength(1);
    // The API, the aggregator, the documents and the archive functions.
    expect(metric("Errors", "AWS/Lambda")).toHaveLength(4);
    expect(metric("Throttles", "AWS/Lambda")).toHaveLength(4);
    expect(metric("ApproximateNumberOfMessagesVisible", "AWS/SQS")).toEqual([
      expect.objectContaining({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" }),
    ]);
    const topic = resourceOf(api, "AWS::SNS::Topic").id;
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    expect(resourceOf(api, "AWS::SNS::Subscription").Properties).toMatchObject({
      Protocol: "email",
      Endpoint: "ops@example.gov.vn",
    });
  });

  it("prints the API URL", () => {
    expect(api.toJSON().Outputs).toHaveProperty("ApiUrl");
  });

  describe("the documents function", () => {
    it("runs like the API function: a minified Node 24 bundle on arm64, told the files bucket", () => {
      const fn = functionFor(DOCUMENTS_HANDLER).Properties;
      const apiFn = functionFor(API_HANDLER).Properties;
      expect([fn.Runtime, fn.Architectures]).toEqual([apiFn.Runtime, apiFn.Architectures]);
      expect([fn.Runtime, fn.Architectures]).toEqual(["nodejs24.x", ["arm64"]]);
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

    it("is invoked by the API function, which is told its name and may invoke nothing but it and the archive function", () => {
      const documentsId = functionFor(DOCUMENTS_HANDLER).id;
      const archiveId = functionFor(ARCHIVE_HANDLER).id;
      const env = functionFor(API_HANDLER).Properties.Environment.Variables;
      expect(env.DOCUMENTS_FUNCTION_NAME).toEqual({ Ref: documentsId });
      expect(env.ARCHIVE_FUNCTION_NAME).toEqual({ Ref: archiveId });
      const invoke = statementsOf(roleIdOf(functionFor(API_HANDLER))).filter((s) =>
        actionsOf(s).some((a) => a.startsWith("lambda:")),
      );
      const resources = invoke.flatMap((s) => {
        expect(actionsOf(s)).toEqual(["lambda:InvokeFunction"]);
        return [s.Resource].flat().map((r) => JSON.stringify(r));
      });
      expect(resources.some((r) => r.includes(documentsId))).toBe(true);
      expect(resources.some((r) => r.includes(archiveId))).toBe(true);
      for (const r of resources) expect(r.includes(documentsId) || r.includes(archiveId)).toBe(true);
    });
  });

  describe("the archive function", () => {
    it("runs a job for up to 15 minutes, told the table and the files bucket", () => {
      const fn = functionFor(ARCHIVE_HANDLER).Properties;
      expect([fn.Runtime, fn.Architectures, fn.Timeout]).toEqual(["nodejs24.x", ["arm64"], 900]);
      expect(JSON.stringify(fn.Environment.Variables.TABLE_NAME)).toMatch(/Table/);
      expect(JSON.stringify(fn.Environment.Variables.FILES_BUCKET)).toMatch(/FilesBucket/);
    });

    it("reaches provinces' and platform items, never national ones; provinces' files and the archives; lists only T/", () => {
      const statements = statementsOf(roleIdOf(functionFor(ARCHIVE_HANDLER)));
      const items = itemStatements(statements).filter((s) => !actionsOf(s).includes("dynamodb:Scan"));
      expect(items.map((s) => [actionsOf(s).sort(), leadingKeysOf(s)?.sort()])).toEqual([
        [[...ITEM_ACTIONS].sort(), ["P#*", "T#*"]],
      ]);
      const files = s3Statements(statements);
      const list = files.find((s) => actionsOf(s).includes("s3:ListBucket"));
      expect(list?.Condition).toEqual({ StringLike: { "s3:prefix": ["T/*"] } });
      const objects = files
        .filter((s) => !actionsOf(s).includes("s3:ListBucket"))
        .map((s) => [actionsOf(s).sort(), JSON.stringify(s.Resource).match(/\/[^"]*\*/g)]);
      expect(objects).toEqual([
        [[...FILE_ACTIONS].sort(), ["/T/*"]],
        [["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"], ["/P/archives/*"]],
      ]);
      expect(JSON.stringify(statements)).not.toMatch(/N#|sts:AssumeRole|dynamodb:\*|s3:\*/);
    });
  });
});
