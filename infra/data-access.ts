import { Duration } from "aws-cdk-lib";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as s3 from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { keyPrefix } from "../packages/core/src/db/table.ts";
import { accept } from "./accept-findings.ts";

/**
 * Who may touch which keys of the single table, enforced by IAM with `dynamodb:LeadingKeys`
 * (the partition key of the table or of the index a request uses), and which objects of the
 * files bucket (by the key prefix in the resource; no role may list the bucket):
 *
 * | principal                     | keys                                  | actions        |
 * |-------------------------------|---------------------------------------|----------------|
 * | API function's own role       | `P#*` (tenant registry, identities)   | item actions   |
 * | TenantDataRole (session tag)  | `T#${aws:PrincipalTag/TenantId}#*`    | item actions   |
 * |   … and in the files bucket   | `T/${aws:PrincipalTag/TenantId}/*`    | put, get, delete objects |
 * | NationalReadRole              | `N#*`                                 | reads          |
 * | aggregator's own role         | read `T#*`; Put `N#*`                 | base table     |
 * | archive function's own role   | `T#*`, `P#*`; Scan of the base table  | item actions   |
 * |   … and in the files bucket   | `T/*` (and list it); `P/archives/*`   | put, get, delete; put, get |
 * | API function's own role       | `P/archives/*` (presigned for the operator) | put, get objects |
 *
 * Scan is granted to the archive function alone, which moves a province whole (export, import, erase) and
 * has no other way to find its items: Scan has no leading key, and `ForAllValues` is true of an empty set.
 * Transactions need no action of their own: DynamoDB authorises each item of a
 * TransactWriteItems/TransactGetItems with the item action (PutItem, ConditionCheckItem, …).
 */

/** The session tag the API sets when it assumes the TenantDataRole (functions/src/aws/tenant-credentials.ts). */
export const TENANT_TAG = "TenantId";

export const ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
];

export const READ_ACTIONS = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"];

/** `T#${aws:PrincipalTag/TenantId}#*`: an IAM policy variable, resolved per session, not a CDK token. */
export const TENANT_LEADING_KEYS = `${keyPrefix.tenant(`\${aws:PrincipalTag/${TENANT_TAG}}`)}*`;
export const NATIONAL_LEADING_KEYS = "N#*";
export const ANY_TENANT_LEADING_KEYS = "T#*";
export const PLATFORM_LEADING_KEYS = `${keyPrefix.platform}*`;

/** What the API does to a province's files (packages/core/src/files/storage.ts); a HEAD needs GetObject. */
export const FILE_ACTIONS = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"];

/** `T/${aws:PrincipalTag/TenantId}/*`: the session tenant's objects; nothing on the bucket itself (no listing). */
export const TENANT_OBJECTS = `T/\${aws:PrincipalTag/${TENANT_TAG}}/*`;

/** Where the province archives live (packages/core/src/files/province-files.ts): outside every province's prefix. */
export const ARCHIVE_OBJECTS = "P/archives/*";
/** Every province's files. */
export const ANY_TENANT_OBJECTS = "T/*";

/** Allows `actions` on the table (and, unless `indexes` is false, its indexes) only for the given key patterns. */
export function leadingKeysStatement(
  table: dynamodb.ITable,
  actions: string[],
  patterns: string[],
  { indexes = true }: { indexes?: boolean } = {},
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions,
    resources: indexes ? [table.tableArn, `${table.tableArn}/index/*`] : [table.tableArn],
    conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": patterns } },
  });
}

export interface DataRoles {
  tenantRole: iam.Role;
  nationalRole: iam.Role;
}

/**
 * The roles the API function assumes for tenant and national data. Only `caller` may assume
 * them; the tenant role only with a non-empty `TenantId` session tag and no other tag.
 */
export function dataRoles(
  scope: Construct,
  { table, files }: { table: dynamodb.ITable; files: s3.IBucket },
  caller: iam.IRole,
): DataRoles {
  const trusted = new iam.ArnPrincipal(caller.roleArn);
  const tenantRole = new iam.Role(scope, "TenantDataRole", {
    description: "One province's items (keys T#<TenantId session tag>#*) and files (T/<TenantId>/*)",
    assumedBy: trusted.withSessionTags().withConditions({
      StringLike: { [`aws:RequestTag/${TENANT_TAG}`]: "?*" },
      "ForAllValues:StringEquals": { "aws:TagKeys": [TENANT_TAG] },
    }),
    maxSessionDuration: Duration.hours(1),
    inlinePolicies: {
      TenantItems: new iam.PolicyDocument({
        statements: [leadingKeysStatement(table, ITEM_ACTIONS, [TENANT_LEADING_KEYS])],
      }),
      TenantFiles: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({ actions: FILE_ACTIONS, resources: [files.arnForObjects(TENANT_OBJECTS)] }),
        ],
      }),
    },
  });
  accept(tenantRole, {
    "AwsSolutions-IAM5": {
      reason:
        "One province's keys on any index (dynamodb:LeadingKeys T#<TenantId>#*) and its own files prefix: the wildcard is inside the province",
      only: [
        /^Resource::<Table[0-9A-F]+\.Arn>\/index\/\*$/,
        /^Resource::<FilesBucket[0-9A-F]+\.Arn>\/T\/<aws:PrincipalTag\/TenantId>\/\*$/,
      ],
    },
  });
  const nationalRole = new iam.Role(scope, "NationalReadRole", {
    description: "National aggregates, read only: keys N#*",
    assumedBy: trusted,
    maxSessionDuration: Duration.hours(1),
    inlinePolicies: {
      NationalReads: new iam.PolicyDocument({
        statements: [leadingKeysStatement(table, READ_ACTIONS, [NATIONAL_LEADING_KEYS])],
      }),
    },
  });
  accept(nationalRole, {
    "AwsSolutions-IAM5": {
      reason: "National summaries on any index, bounded by dynamodb:LeadingKeys N#*",
      only: [/^Resource::<Table[0-9A-F]+\.Arn>\/index\/\*$/],
    },
  });
  return { tenantRole, nationalRole };
}

/** What the API function's own role may do with data: platform items, and assuming the data roles. */
export function apiFunctionStatements(
  table: dynamodb.ITable,
  roles: DataRoles,
  userPool: { userPoolArn: string },
): iam.PolicyStatement[] {
  return [
    leadingKeysStatement(table, ITEM_ACTIONS, [PLATFORM_LEADING_KEYS]),
    new iam.PolicyStatement({
      actions: ["sts:AssumeRole", "sts:TagSession"],
      resources: [roles.tenantRole.roleArn, roles.nationalRole.roleArn],
    }),
    // The accounts' directory: invite, update, disable and sign out people of this pool only.
    new iam.PolicyStatement({ actions: [...DIRECTORY_ACTIONS], resources: [userPool.userPoolArn] }),
  ];
}

/**
 * What the archive function does: it scans the base table for a province's items, reads, writes and deletes
 * any province's items and the platform's (the job, the registry), lists and moves any province's files, and
 * writes and reads the archives.
 */
export function archiveStatements(table: dynamodb.ITable, files: s3.IBucket): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: ["dynamodb:Scan"], resources: [table.tableArn] }),
    leadingKeysStatement(table, ITEM_ACTIONS, [ANY_TENANT_LEADING_KEYS, PLATFORM_LEADING_KEYS]),
    new iam.PolicyStatement({
      actions: ["s3:ListBucket"],
      resources: [files.bucketArn],
      conditions: { StringLike: { "s3:prefix": [ANY_TENANT_OBJECTS] } },
    }),
    new iam.PolicyStatement({ actions: FILE_ACTIONS, resources: [files.arnForObjects(ANY_TENANT_OBJECTS)] }),
    // An archive is written (in parts) and read, never deleted: it outlives the erase it allowed.
    new iam.PolicyStatement({
      actions: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"],
      resources: [files.arnForObjects(ARCHIVE_OBJECTS)],
    }),
  ];
}

/** What the API function's own role does to files: sign the operator's upload and download of an archive. */
export const apiArchiveStatement = (files: s3.IBucket) =>
  new iam.PolicyStatement({
    actions: ["s3:PutObject", "s3:GetObject"],
    resources: [files.arnForObjects(ARCHIVE_OBJECTS)],
  });

/** What the API does to the user pool for the account routes (functions/src/aws/cognito-directory.ts). */
export const DIRECTORY_ACTIONS = [
  "cognito-idp:AdminCreateUser",
  "cognito-idp:AdminDeleteUser",
  "cognito-idp:AdminDeleteUserAttributes",
  "cognito-idp:AdminDisableUser",
  "cognito-idp:AdminEnableUser",
  "cognito-idp:AdminGetUser",
  "cognito-idp:AdminUpdateUserAttributes",
  "cognito-idp:AdminUserGlobalSignOut",
] as const;

/**
 * The aggregator reads any province's data (the platform's own job: it recomputes each province's
 * figures) and writes national summaries.
 */
export function aggregatorStatements(table: dynamodb.ITable): iam.PolicyStatement[] {
  return [
    leadingKeysStatement(table, READ_ACTIONS, [ANY_TENANT_LEADING_KEYS], { indexes: false }),
    leadingKeysStatement(table, ["dynamodb:PutItem"], [NATIONAL_LEADING_KEYS], { indexes: false }),
  ];
}
