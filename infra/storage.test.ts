import { beforeAll, describe, expect, it } from "vitest";
import { tableDefinition } from "../packages/core/src/db/table.ts";
import { Storage } from "./storage.ts";
import { synthesize } from "./synthesize.ts";
import { type Resource, resourceOf, resourcesOf, type Statement } from "./testing.ts";

const template = async (stage: string) => (await synthesize([Storage], { stage })).template(Storage);

describe("Storage stack", () => {
  let test: Resource;
  let prod: Resource;
  let testFiles: Resource;
  let prodFiles: Resource;
  let filesPolicy: Statement[];
  let prodLogs: Resource;
  let logsPolicy: Statement[];
  beforeAll(async () => {
    const [testStack, prodStack] = [await template("test"), await template("prod")];
    test = resourceOf(testStack, "AWS::DynamoDB::Table");
    prod = resourceOf(prodStack, "AWS::DynamoDB::Table");
    testFiles = resourceOf(testStack, "AWS::S3::Bucket", "FilesBucket");
    prodFiles = resourceOf(prodStack, "AWS::S3::Bucket", "FilesBucket");
    const policyOf = (bucket: Resource): Statement[] =>
      resourcesOf(prodStack, "AWS::S3::BucketPolicy").flatMap((p) =>
        p.Properties.Bucket.Ref === bucket.id ? p.Properties.PolicyDocument.Statement : [],
      );
    filesPolicy = policyOf(prodFiles);
    prodLogs = resourceOf(prodStack, "AWS::S3::Bucket", "FilesAccessLogs");
    logsPolicy = policyOf(prodLogs);
  });

  it("builds the table's keys and indexes from tableDefinition", () => {
    const { partitionKey, sortKey, globalIndexes } = tableDefinition;
    expect(test.Properties.KeySchema).toEqual([
      { AttributeName: partitionKey, KeyType: "HASH" },
      { AttributeName: sortKey, KeyType: "RANGE" },
    ]);
    expect(test.Properties.GlobalSecondaryIndexes).toEqual(
      globalIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    );
    const keyNames = [partitionKey, sortKey, ...globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(test.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((AttributeName) => ({ AttributeName, AttributeType: "S" }))),
    );
    expect(test.Properties.AttributeDefinitions).toHaveLength(keyNames.length);
  });

  it("bills on demand and streams new and old images", () => {
    expect(test.Properties.BillingMode).toBe("PAY_PER_REQUEST");
    expect(test.Properties.StreamSpecification).toEqual({ StreamViewType: tableDefinition.stream });
    expect(test.Properties.TableName).toBe("test-thidua-table");
  });

  it("protects a production stage's table: point-in-time recovery, deletion protection, retained on removal", () => {
    expect(prod.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(prod.Properties.DeletionProtectionEnabled).toBe(true);
    expect(prod.DeletionPolicy).toBe("Retain");
    expect(prod.UpdateReplacePolicy).toBe("Retain");
  });

  it("lets a disposable stage's table go with the stage", () => {
    expect(test.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: false });
    expect(test.Properties.DeletionProtectionEnabled).toBe(false);
    expect(test.DeletionPolicy).toBe("Delete");
  });

  it("keeps files private: all public access blocked, ACLs off, encrypted at rest", () => {
    for (const bucket of [testFiles, prodFiles]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      });
    }
  });

  it("refuses every request to the files bucket over plain HTTP or old TLS", () => {
    const denies = filesPolicy.filter((s) => s.Effect === "Deny");
    expect(denies.map((s) => s.Condition)).toEqual(
      expect.arrayContaining([
        { Bool: { "aws:SecureTransport": "false" } },
        { NumericLessThan: { "s3:TlsVersion": 1.2 } },
      ]),
    );
    for (const deny of denies) expect(deny).toMatchObject({ Principal: { AWS: "*" }, Action: "s3:*" });
    // Nothing in the bucket policy grants access to anyone.
    expect(filesPolicy.filter((s) => s.Effect === "Allow")).toEqual([]);
  });

  it("lets the dashboard PUT and GET presigned URLs from its origin, and drops abandoned multipart uploads", () => {
    expect(testFiles.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ["PUT", "GET", "HEAD"], AllowedOrigins: ["*"] }),
    ]);
    expect(testFiles.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: "Enabled" }),
    ]);
  });

  it("keeps a production stage's files on removal, with 90 days of earlier versions", () => {
    expect(prodFiles.DeletionPolicy).toBe("Retain");
    expect(prodFiles.Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(prodFiles.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 } })]),
    );
    expect(testFiles.DeletionPolicy).toBe("Delete");
    expect(testFiles.Properties.VersioningConfiguration).toBeUndefined();
  });

  it("logs every access to the files bucket into a private log bucket that only S3's log delivery writes, for a year", () => {
    expect(prodFiles.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: prodLogs.id },
      LogFilePrefix: "files/",
    });
    expect(prodLogs.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true });
    expect(prodLogs.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
    expect(prodLogs.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 365, Status: "Enabled" }),
    ]);
    const grants = logsPolicy.filter((s) => s.Effect === "Allow");
    expect(grants).toEqual([
      expect.objectContaining({
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Condition: {
          ArnLike: { "aws:SourceArn": { "Fn::GetAtt": [prodFiles.id, "Arn"] } },
          StringEquals: { "aws:SourceAccount": "123456789012" },
        },
      }),
    ]);
    expect(JSON.stringify(grants[0]?.Resource)).toContain("/files/*");
    expect(logsPolicy.some((s) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false")).toBe(
      true,
    );
  });
});
