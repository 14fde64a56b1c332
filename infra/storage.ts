import { Duration } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import type { StackContext } from "sst/constructs";
import { tableDefinition } from "../packages/core/src/db/table.ts";
import { accept } from "./accept-findings.ts";
import { isProductionStage, removalPolicyFor } from "./stage.ts";

const FILES_ACCESS_LOG_PREFIX = "files/";

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

  if (!production)
    accept(table, { "AwsSolutions-DDB3": "A disposable stage: removed with its data by design (infra/stage.ts)" });

  for (const index of tableDefinition.globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: key(index.partitionKey),
      sortKey: key(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }

  // Who read or wrote which file, as S3 itself saw it: a presigned URL, once signed, no longer passes the API.
  const accessLogs = new s3.Bucket(stack, "FilesAccessLogs", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    lifecycleRules: [{ expiration: Duration.days(production ? 365 : 30) }],
    removalPolicy: removalPolicyFor(app.stage),
    autoDeleteObjects: !production,
  });
  accept(accessLogs, {
    "AwsSolutions-S1": "It is the files bucket's access log: logging its own access would log the logs",
  });

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

  // S3's log delivery writes into the log bucket under its bucket policy (the bucket takes no ACL), as CDK
  // does only behind a feature flag this app does not set.
  (files.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
    destinationBucketName: accessLogs.bucketName,
    logFilePrefix: FILES_ACCESS_LOG_PREFIX,
  };
  accessLogs.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal("logging.s3.amazonaws.com")],
      actions: ["s3:PutObject"],
      resources: [accessLogs.arnForObjects(`${FILES_ACCESS_LOG_PREFIX}*`)],
      conditions: {
        ArnLike: { "aws:SourceArn": files.bucketArn },
        StringEquals: { "aws:SourceAccount": stack.account },
      },
    }),
  );

  stack.addOutputs({ TableName: table.tableName, FilesBucketName: files.bucketName });
  return { table, files };
}
