import { Duration } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as s3 from "aws-cdk-lib/aws-s3";
import type { StackContext } from "sst/constructs";
import { tableDefinition } from "../packages/core/src/db/table.ts";
import { isProductionStage, removalPolicyFor } from "./stage.ts";

const key = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * The single table, synthesized from the same `tableDefinition` the local bootstrap uses,
 * so keys and indexes cannot drift between a laptop and AWS; and the private bucket of
 * provinces' files (keys `T/<tenantId>/…`), reached only through presigned URLs.
 */
export function Storage({ app, stack }: StackContext) {
  const production = isProductionStage(app.stage);

  const table = new dynamodb.Table(stack, "Table", {
    // A fixed name: after `sst remove` a retained table blocks a new one of the same name
    // instead of a silent, empty replacement (docs/deploy.md explains how to reattach it).
    tableName: app.logicalPrefixedName("table"),
    partitionKey: key(tableDefinition.partitionKey),
    sortKey: key(tableDefinition.sortKey),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    stream: dynamodb.StreamViewType[tableDefinition.stream],
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: production },
    deletionProtection: production,
    removalPolicy: removalPolicyFor(app.stage),
  });

  for (const index of tableDefinition.globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: key(index.partitionKey),
      sortKey: key(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }

  const files = new s3.Bucket(stack, "FilesBucket", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    encryption: s3.BucketEncryption.S3_MANAGED,
    // On production stages a deleted or replaced file can be brought back for 90 days.
    versioned: production,
    // The dashboard PUTs and GETs presigned URLs from its CloudFront origin, which is created after
    // this stack (naming it would be a cycle). Any origin is safe: the signature in the URL is the
    // permission, no cookie rides along, and the bucket answers nothing unsigned.
    cors: [
      {
        allowedOrigins: ["*"],
        allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
        allowedHeaders: ["*"],
        exposedHeaders: ["ETag"],
        maxAge: 3600,
      },
    ],
    lifecycleRules: [
      { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ...(production ? [{ noncurrentVersionExpiration: Duration.days(90) }] : []),
    ],
    removalPolicy: removalPolicyFor(app.stage),
    autoDeleteObjects: !production,
  });

  stack.addOutputs({ TableName: table.tableName, FilesBucketName: files.bucketName });
  return { table, files };
}
