import { beforeAll, describe, expect, it } from "vitest";
import { tableDefinition } from "../packages/core/src/db/table.ts";
import { Storage } from "./storage.ts";
import { type Resource, resourceOf, synthesize } from "./testing.ts";

const table = async (stage: string): Promise<Resource> =>
  resourceOf((await synthesize([Storage], { stage })).template(Storage), "AWS::DynamoDB::Table");

describe("Storage stack", () => {
  let test: Resource;
  let prod: Resource;
  beforeAll(async () => {
    test = await table("test");
    prod = await table("prod");
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
});
