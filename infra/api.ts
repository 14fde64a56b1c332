import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { type FunctionProps, Api as HttpApi, Function as SstFunction, type StackContext, use } from "sst/constructs";
import { tableDefinition } from "../packages/core/src/db/table.ts";
import { accept, BASIC_EXECUTION_ROLE } from "./accept-findings.ts";
import { alarmOn, alarmTopic, FIVE_MINUTES, functionAlarms } from "./alarms.ts";
import { Auth } from "./auth.ts";
import { lambdaNodejs } from "./bundling.ts";
import {
  aggregatorStatements,
  apiArchiveStatement,
  apiFunctionStatements,
  archiveStatements,
  dataRoles,
} from "./data-access.ts";
import { isProductionStage, removalPolicyFor } from "./stage.ts";
import { Storage } from "./storage.ts";

/** Handlers are named by path: infra imports no function code (see .dependency-cruiser.cjs). */
export const API_HANDLER = "functions/src/lambda/api.handler";
export const AGGREGATE_HANDLER = "functions/src/lambda/aggregate.handler";
export const DOCUMENTS_HANDLER = "functions/src/lambda/documents.handler";
export const ARCHIVE_HANDLER = "functions/src/lambda/archive.handler";
/** The only keys the documents function writes: drawn documents, under each province's prefix. */
export const DOCUMENT_OBJECTS = "T/*/documents/*";

/** Every function: Node 24 on Graviton, minified ESM split into chunks (bundling.ts), no X-Ray (cost; logs carry request ids). */
const functionDefaults = {
  runtime: "nodejs24.x",
  architecture: "arm_64",
  tracing: "disabled",
  nodejs: lambdaNodejs,
} satisfies FunctionProps;

/** The HTTP API and its function, the tenant/national data roles, the stream aggregator, alarms. */
export function Api({ app, stack }: StackContext) {
  const { table, files } = use(Storage);
  const auth = use(Auth);
  const production = isProductionStage(app.stage);
  const logGroup = (id: string) =>
    new logs.LogGroup(stack, id, {
      retention: production ? logs.RetentionDays.THREE_MONTHS : logs.RetentionDays.ONE_WEEK,
      removalPolicy: removalPolicyFor(app.stage),
    });

  // --- The API function: its own role reaches only platform items (P#), and no file ---
  const apiFunction = new SstFunction(stack, "ApiFunction", {
    ...functionDefaults,
    handler: API_HANDLER,
    description: "thidua HTTP API (Hono)",
    memorySize: "1024 MB",
    timeout: "15 seconds",
    logGroup: logGroup("ApiFunctionLogs"),
    environment: {
      TABLE_NAME: table.tableName,
      FILES_BUCKET: files.bucketName,
      AUTH_ISSUER: auth.issuer,
      AUTH_AUDIENCE: auth.client.userPoolClientId,
      AUTH_JWKS_URL: auth.jwksUrl,
      COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
    },
  });
  if (!apiFunction.role) throw new Error("The API function has no role");
  const roles = dataRoles(stack, { table, files }, apiFunction.role);
  apiFunction.attachPermissions([...apiFunctionStatements(table, roles, auth.userPool), apiArchiveStatement(files)]);
  accept(
    apiFunction,
    {
      "AwsSolutions-IAM4": BASIC_EXECUTION_ROLE,
      "AwsSolutions-IAM5": {
        reason:
          "Platform keys on any index, bounded by dynamodb:LeadingKeys P#*; invoking the documents and archive functions' versions; the archives it presigns for the operator",
        only: [
          /^Resource::<Table[0-9A-F]+\.Arn>\/index\/\*$/,
          /^Resource::<(Documents|Archive)Function[0-9A-F]+\.Arn>:\*$/,
          /^Resource::<FilesBucket[0-9A-F]+\.Arn>\/P\/archives\/\*$/,
        ],
      },
    },
    { children: true },
  );
  apiFunction.addEnvironment("TENANT_ROLE_ARN", roles.tenantRole.roleArn);
  apiFunction.addEnvironment("NATIONAL_ROLE_ARN", roles.nationalRole.roleArn);

  // --- The documents function: draws Word and Excel files (its own bundle), invoked by the API ---
  // It reads no data and hands out no URL: it may only put objects under the provinces' documents/ prefixes.
  const documentsFunction = new SstFunction(stack, "DocumentsFunction", {
    ...functionDefaults,
    handler: DOCUMENTS_HANDLER,
    description: "thidua documents (vote-count minutes, score tables) drawn for the API",
    memorySize: "1024 MB",
    timeout: "12 seconds",
    logGroup: logGroup("DocumentsFunctionLogs"),
    environment: { FILES_BUCKET: files.bucketName },
    permissions: [
      new iam.PolicyStatement({ actions: ["s3:PutObject"], resources: [files.arnForObjects(DOCUMENT_OBJECTS)] }),
    ],
  });
  accept(
    documentsFunction,
    {
      "AwsSolutions-IAM4": BASIC_EXECUTION_ROLE,
      "AwsSolutions-IAM5": {
        reason: "It draws documents for every province: put only, and only under each province's documents/ prefix",
        only: [/^Resource::<FilesBucket[0-9A-F]+\.Arn>\/T\/\*\/documents\/\*$/],
      },
    },
    { children: true },
  );
  documentsFunction.grantInvoke(apiFunction);
  apiFunction.addEnvironment("DOCUMENTS_FUNCTION_NAME", documentsFunction.functionName);

  // --- The archive function: exports, imports and erases a province whole, invoked by the API without waiting ---
  const archiveFunction = new SstFunction(stack, "ArchiveFunction", {
    ...functionDefaults,
    handler: ARCHIVE_HANDLER,
    description: "thidua province export, import and erase jobs",
    memorySize: "2048 MB",
    timeout: "15 minutes",
    logGroup: logGroup("ArchiveFunctionLogs"),
    environment: { TABLE_NAME: table.tableName, FILES_BUCKET: files.bucketName },
    permissions: archiveStatements(table, files),
  });
  accept(
    archiveFunction,
    {
      "AwsSolutions-IAM4": BASIC_EXECUTION_ROLE,
      "AwsSolutions-IAM5": {
        reason:
          "It moves one province whole for the operator: any province's items (T#*) and files (T/*), the platform's items (P#*), the archives (P/archives/*)",
        only: [
          /^Resource::<Table[0-9A-F]+\.Arn>\/index\/\*$/,
          /^Resource::<FilesBucket[0-9A-F]+\.Arn>\/(T|P\/archives)\/\*$/,
        ],
      },
    },
    { children: true },
  );
  archiveFunction.grantInvoke(apiFunction);
  apiFunction.addEnvironment("ARCHIVE_FUNCTION_NAME", archiveFunction.functionName);

  const api = new HttpApi(stack, "Api", {
    routes: { $default: apiFunction },
    // The dashboard is served from CloudFront, another origin; bearer tokens, no cookies, so any origin.
    cors: {
      allowOrigins: ["*"],
      allowHeaders: ["authorization", "content-type", "x-request-id"],
      allowMethods: ["ANY"],
      exposeHeaders: ["x-request-id", "retry-after"],
      maxAge: "1 day",
    },
    accessLog: { retention: production ? "three_months" : "one_week" },
    defaults: { throttle: { rate: 100, burst: 200 } },
  });

  // Authorization is the function's: it verifies the bearer token on every route but the public ones
  // (health, the OpenAPI document, sign-in locally), so the HTTP API passes every request through.
  accept(
    api,
    { "AwsSolutions-APIG4": "The API function verifies the JWT of every non-public route (functions/src/auth)" },
    { children: true },
  );

  // --- The national aggregator: DynamoDB stream → N#<year> summaries ---
  const deadLetters = new sqs.Queue(stack, "AggregateDeadLetterQueue", {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  accept(deadLetters, {
    "AwsSolutions-SQS3": "It is the dead-letter queue: the stream's event source mapping sends failed batches here",
  });
  const aggregateFunction = new SstFunction(stack, "AggregateFunction", {
    ...functionDefaults,
    handler: AGGREGATE_HANDLER,
    description: "thidua national aggregator (DynamoDB stream consumer)",
    memorySize: "512 MB",
    timeout: "60 seconds",
    logGroup: logGroup("AggregateFunctionLogs"),
    environment: { TABLE_NAME: table.tableName },
    permissions: aggregatorStatements(table),
  });
  accept(
    aggregateFunction,
    {
      "AwsSolutions-IAM4": BASIC_EXECUTION_ROLE,
      "AwsSolutions-IAM5": {
        reason: "dynamodb:ListStreams, which the stream's event source mapping needs, has no resource-level permission",
        only: [/^Resource::\*$/],
      },
    },
    { children: true },
  );
  aggregateFunction.addEventSource(
    new DynamoEventSource(table, {
      // Replaying is harmless (summaries are recomputed), losing records is not.
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(5),
      retryAttempts: 5,
      bisectBatchOnError: true,
      maxRecordAge: Duration.hours(24),
      onFailure: new SqsDlq(deadLetters),
      // Only tenant items feed the summaries; the aggregator's own N# writes never come back to it.
      filters: [
        lambda.FilterCriteria.filter({
          dynamodb: { Keys: { [tableDefinition.partitionKey]: { S: lambda.FilterRule.beginsWith("T#") } } },
        }),
      ],
    }),
  );

  // --- Operations: alarms to the operator, outputs ---
  const topic = alarmTopic(stack, auth.operatorEmail);
  alarmOn(
    stack,
    "ApiServerErrors",
    topic,
    api.cdk.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: "Sum" }),
    "HTTP API answered 5xx",
  );
  functionAlarms(stack, "ApiFunction", topic, apiFunction);
  functionAlarms(stack, "AggregateFunction", topic, aggregateFunction);
  functionAlarms(stack, "DocumentsFunction", topic, documentsFunction);
  functionAlarms(stack, "ArchiveFunction", topic, archiveFunction);
  alarmOn(
    stack,
    "AggregateDeadLetters",
    topic,
    deadLetters.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: "Maximum" }),
    "Stream batches the aggregator gave up on are waiting in the dead-letter queue",
  );
  alarmOn(
    stack,
    "AggregateIteratorAge",
    topic,
    aggregateFunction.metric("IteratorAge", { period: FIVE_MINUTES, statistic: "Maximum" }),
    "The aggregator is more than 15 minutes behind the table's stream",
    15 * 60_000,
  );

  stack.addOutputs({ ApiUrl: api.url, AlarmTopicArn: topic.topicArn });
  return { api, apiFunction, aggregateFunction, documentsFunction, archiveFunction, deadLetters, ...roles };
}
