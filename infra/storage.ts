import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type { StackContext } from "sst/constructs";
import { tableDefinition } from "../packages/core/src/db/table.ts";
import { isProductionStage, removalPolicyFor } from "./stage.ts";

const key = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * The single table, synthesized from the same `tableDefinition` the local bootstrap uses,
 * so keys and indexes cannot drift between a laptop and AWS.
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

  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
