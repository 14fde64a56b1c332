import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AGGREGATE_HANDLER, API_HANDLER, Api, ARCHIVE_HANDLER, DOCUMENTS_HANDLER } from "./api.ts";
import { Auth } from "./auth.ts";
import { Storage } from "./storage.ts";
import { synthesize } from "./synthesize.ts";
import { ACCOUNT, templateValues } from "./template-values.ts";
import { identityPoliciesOf, type PolicyDocument, resourceOf, resourcesOf } from "./testing.ts";

/**
 * The production stage's policies, as synthesized, evaluated by an IAM policy simulator: DynamoDB Local
 * and the local S3 server enforce no IAM, so this is where "a province's role cannot reach another's
 * keys" is shown. Every cell states what must happen, written here from the design (data-access.ts's
 * table), not read from the policies; the test fails on any unexpected Allow as on any missing one.
 */

type Decision = "Allow" | "Deny";
type RoleName = "tenant" | "api" | "national" | "aggregator" | "documents" | "archive";
const ROLES: RoleName[] = ["tenant", "api", "national", "aggregator", "documents", "archive"];

/** The session's province. `an` is a prefix of `an-giang`: the trick a `T#an*` pattern would fall for. */
const SESSION_TENANT = "an";
const KEYS = {
  own: ["T#an#UNITS"],
  another: ["T#quang-tri#UNITS"],
  "prefix trick": ["T#an-giang#UNITS"],
  "own and another in one batch": ["T#an#UNITS", "T#quang-tri#UNITS"],
  "platform P#": ["P#TENANTS"],
  "national N#": ["N#2026"],
} as const;
type KeyKind = keyof typeof KEYS;

const ITEM_WRITES = ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "ConditionCheckItem"];
/** Actions with a partition key (`dynamodb:LeadingKeys` in the request), and the table-wide ones without. */
const KEYED = ["GetItem", "Query", "Query on an index", ...ITEM_WRITES];
const TABLE_WIDE = ["Scan", "DescribeTable", "DeleteTable"];

/** What each role may do, from the design: the tenant role its province, the API platform items, … */
function expectedItems(role: RoleName, keys: KeyKind, action: string): Decision {
  const allow = (yes: boolean): Decision => (yes ? "Allow" : "Deny");
  // Only the archive function scans: finding a province's items to move it whole has no other way.
  if (TABLE_WIDE.includes(action)) return allow(role === "archive" && action === "Scan");
  switch (role) {
    case "tenant":
      return allow(keys === "own");
    case "api":
      return allow(keys === "platform P#");
    case "national":
      return allow(keys === "national N#" && ["GetItem", "Query", "Query on an index"].includes(action));
    case "aggregator": {
      // Any province's base-table partitions, read (it summarises them all); national summaries, put.
      const tenantKeys = ["own", "another", "prefix trick", "own and another in one batch"].includes(keys);
      return allow(
        (tenantKeys && ["GetItem", "Query"].includes(action)) || (keys === "national N#" && action === "PutItem"),
      );
    }
    case "documents":
      return "Deny";
    case "archive":
      // Any province's items and the platform's (the job, the registry): never the national summaries.
      return allow(keys !== "national N#");
  }
}

const OBJECTS = {
  "own file": "T/an/evidence/a.pdf",
  "own document": "T/an/documents/minutes.docx",
  "another's file": "T/quang-tri/evidence/a.pdf",
  "another's document": "T/quang-tri/documents/minutes.docx",
  "prefix trick": "T/an-giang/evidence/a.pdf",
  "an archive": "P/archives/an/5b0e6c4a.tar",
  "outside provinces": "P/backup.json",
} as const;
type ObjectKind = keyof typeof OBJECTS;
const OBJECT_ACTIONS = ["GetObject", "PutObject", "DeleteObject"];
const BUCKET_ACTIONS = ["ListBucket", "DeleteBucket", "PutBucketPolicy"];

function expectedFiles(role: RoleName, object: ObjectKind | "the bucket", action: string): Decision {
  if (object === "the bucket") return "Deny";
  if (role === "tenant") return object.startsWith("own") ? "Allow" : "Deny";
  // The documents function stores what it draws for any province, under documents/ only, and reads nothing.
  if (role === "documents") return object.endsWith("document") && action === "PutObject" ? "Allow" : "Deny";
  // The API signs the operator's upload and download of an archive; the archive function moves provinces whole.
  if (role === "api") return object === "an archive" && action !== "DeleteObject" ? "Allow" : "Deny";
  if (role === "archive") {
    if (object === "an archive") return action === "DeleteObject" ? "Deny" : "Allow";
    return object === "outside provinces" ? "Deny" : "Allow";
  }
  return "Deny";
}

interface Principal {
  arn: string;
  policies: { name: string; policy: PolicyDocument }[];
  /** The session's tags, as IAM sees them in `aws:PrincipalTag/…`. */
  tags: Record<string, string>;
}

let principals: Record<RoleName, Principal>;
let bucketPolicy: PolicyDocument;
let tenantTrust: PolicyDocument;
let tableArn: string;
let bucketArn: string;
let apiRoleArn: string;
let aggregatorRoleArn: string;

async function decide(
  principal: Principal,
  action: string,
  resource: string,
  context: Record<string, string | string[]>,
  resourcePolicy?: PolicyDocument,
): Promise<Decision> {
  const simulation: Simulation = {
    request: {
      principal: principal.arn,
      action,
      resource: { resource, accountId: ACCOUNT },
      contextVariables: {
        ...Object.fromEntries(Object.entries(principal.tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v])),
        "aws:SecureTransport": "true",
        ...context,
      },
    },
    identityPolicies: principal.policies,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(resourcePolicy ? { resourcePolicy } : {}),
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === "error") throw new Error(`${action} on ${resource}: ${JSON.stringify(result.errors)}`);
  return result.overallResult === "Allowed" ? "Allow" : "Deny";
}

describe("IAM, simulated on the synthesized production stage", () => {
  beforeAll(async () => {
    vi.stubEnv("OPERATOR_EMAIL", "ops@example.gov.vn");
    const app = await synthesize([Storage, Auth, Api], { stage: "prod" });
    vi.unstubAllEnvs();
    const [storage, auth, api] = [app.template(Storage), app.template(Auth), app.template(Api)];
    const values = templateValues([storage, auth, api].map((t) => t.toJSON()));
    const resolve = <T>(template: Template, value: unknown) => values.resolve(template.toJSON(), value) as T;

    const roleOfHandler = (handler: string) => {
      const fn = resourcesOf(api, "AWS::Lambda::Function").find((f) => f.Properties.Handler === handler);
      if (!fn) throw new Error(`No function for ${handler}`);
      return fn.Properties.Role["Fn::GetAtt"][0] as string;
    };
    const principal = (roleId: string, tags: Record<string, string> = {}): Principal => ({
      arn: resolve<string>(api, { "Fn::GetAtt": [roleId, "Arn"] }).replace(
        /:iam::(\d+):role\/(.+)$/,
        ":sts::$1:assumed-role/$2/session",
      ),
      policies: resolve(api, identityPoliciesOf(api, roleId)),
      tags,
    });
    const tenantRoleId = resourceOf(api, "AWS::IAM::Role", "TenantDataRole").id;
    principals = {
      tenant: principal(tenantRoleId, { TenantId: SESSION_TENANT }),
      api: principal(roleOfHandler(API_HANDLER)),
      national: principal(resourceOf(api, "AWS::IAM::Role", "NationalReadRole").id),
      aggregator: principal(roleOfHandler(AGGREGATE_HANDLER)),
      documents: principal(roleOfHandler(DOCUMENTS_HANDLER)),
      archive: principal(roleOfHandler(ARCHIVE_HANDLER)),
    };
    apiRoleArn = resolve(api, { "Fn::GetAtt": [roleOfHandler(API_HANDLER), "Arn"] });
    aggregatorRoleArn = resolve(api, { "Fn::GetAtt": [roleOfHandler(AGGREGATE_HANDLER), "Arn"] });
    tenantTrust = resolve(api, resourceOf(api, "AWS::IAM::Role", "TenantDataRole").Properties.AssumeRolePolicyDocument);
    const table = resourceOf(storage, "AWS::DynamoDB::Table");
    tableArn = resolve(storage, { "Fn::GetAtt": [table.id, "Arn"] });
    const bucket = resourceOf(storage, "AWS::S3::Bucket", "FilesBucket");
    bucketArn = resolve(storage, { "Fn::GetAtt": [bucket.id, "Arn"] });
    const policy = resourcesOf(storage, "AWS::S3::BucketPolicy").find((p) => p.Properties.Bucket.Ref === bucket.id);
    bucketPolicy = resolve(storage, policy?.Properties.PolicyDocument);
  });

  it("lets each role reach exactly its own keys of the table (6 roles × 6 key sets × 11 actions)", async () => {
    const cells: string[] = [];
    let count = 0;
    for (const role of ROLES)
      for (const keys of Object.keys(KEYS) as KeyKind[])
        for (const action of [...KEYED, ...TABLE_WIDE]) {
          const onIndex = action === "Query on an index";
          const resource = onIndex ? `${tableArn}/index/gsi1` : tableArn;
          const context: Record<string, string[]> = KEYED.includes(action)
            ? { "dynamodb:LeadingKeys": [...KEYS[keys]] }
            : {};
          const actual = await decide(principals[role], `dynamodb:${onIndex ? "Query" : action}`, resource, context);
          const expected = expectedItems(role, keys, action);
          count += 1;
          if (actual !== expected) cells.push(`${role} × ${keys} × ${action}: ${actual}, expected ${expected}`);
        }
    expect(cells).toEqual([]);
    expect(count).toBe(ROLES.length * 6 * 11);
  });

  it("lets each role reach exactly its own objects of the files bucket, and none lists it whole (6 roles × 7 objects × 3 actions, and the bucket × 3)", async () => {
    const cells: string[] = [];
    for (const role of ROLES) {
      for (const object of Object.keys(OBJECTS) as ObjectKind[])
        for (const action of OBJECT_ACTIONS) {
          const actual = await decide(
            principals[role],
            `s3:${action}`,
            `${bucketArn}/${OBJECTS[object]}`,
            {},
            bucketPolicy,
          );
          const expected = expectedFiles(role, object, action);
          if (actual !== expected) cells.push(`${role} × ${object} × ${action}: ${actual}, expected ${expected}`);
        }
      for (const action of BUCKET_ACTIONS) {
        const actual = await decide(principals[role], `s3:${action}`, bucketArn, {}, bucketPolicy);
        if (actual !== "Deny") cells.push(`${role} × the bucket × ${action}: ${actual}, expected Deny`);
      }
    }
    expect(cells).toEqual([]);
  });

  it("lets the archive function alone list the provinces' files, and nothing outside them", async () => {
    for (const role of ROLES) {
      const list = (prefix: string) =>
        decide(principals[role], "s3:ListBucket", bucketArn, { "s3:prefix": prefix }, bucketPolicy);
      expect(await list("T/an/"), role).toBe(role === "archive" ? "Allow" : "Deny");
      expect(await list("P/"), role).toBe("Deny");
    }
  });

  it("refuses a province's own file over plain HTTP (the bucket policy)", async () => {
    const own = `${bucketArn}/${OBJECTS["own file"]}`;
    expect(await decide(principals.tenant, "s3:GetObject", own, {}, bucketPolicy)).toBe("Allow");
    expect(await decide(principals.tenant, "s3:GetObject", own, { "aws:SecureTransport": "false" }, bucketPolicy)).toBe(
      "Deny",
    );
  });

  describe("assuming the tenant role", () => {
    const assume = (callerArn: string, action: string, tags: Record<string, string>) =>
      decide(
        {
          arn: callerArn.replace(/:iam::(\d+):role\/(.+)$/, ":sts::$1:assumed-role/$2/session"),
          policies: callerArn === apiRoleArn ? principals.api.policies : principals.aggregator.policies,
          tags: {},
        },
        action,
        principals.tenant.arn.replace(/:sts::(\d+):assumed-role\/([^/]+)\/.*$/, ":iam::$1:role/$2"),
        {
          ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
          "aws:TagKeys": Object.keys(tags),
        },
        tenantTrust,
      );

    it("is allowed to the API function with one TenantId tag", async () => {
      expect(await assume(apiRoleArn, "sts:AssumeRole", { TenantId: "an" })).toBe("Allow");
      expect(await assume(apiRoleArn, "sts:TagSession", { TenantId: "an" })).toBe("Allow");
    });

    it("is refused without the tag, with an empty one, with another tag beside it, and to any other role", async () => {
      expect(await assume(apiRoleArn, "sts:TagSession", {})).toBe("Deny");
      expect(await assume(apiRoleArn, "sts:TagSession", { TenantId: "" })).toBe("Deny");
      expect(await assume(apiRoleArn, "sts:TagSession", { TenantId: "an", Role: "board" })).toBe("Deny");
      expect(await assume(aggregatorRoleArn, "sts:AssumeRole", { TenantId: "an" })).toBe("Deny");
    });
  });
});
