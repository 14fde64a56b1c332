import { randomUUID } from "node:crypto";
import { createClient } from "@thidua/core/db";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { expect, inject, it, vi } from "vitest";
import { readNationalSummary } from "../aws/national-summary.ts";

it("the Lambda entry reads its configuration and writes the national summary (DynamoDB Local)", async () => {
  const tableName = inject("tableName");
  const endpoint = inject("dynamoEndpoint");
  vi.stubEnv("TABLE_NAME", tableName);
  vi.stubEnv("DYNAMODB_ENDPOINT", endpoint);
  vi.stubEnv("AWS_REGION", "local");
  vi.spyOn(console, "log").mockImplementation(() => {});
  const { handler } = await import("./aggregate.ts");
  const tenant = `t-${randomUUID().slice(0, 8)}`;

  const event: DynamoDBStreamEvent = {
    Records: [
      {
        eventName: "REMOVE",
        eventSource: "aws:dynamodb",
        dynamodb: {
          ApproximateCreationDateTime: Date.parse("2027-03-01T00:00:00Z") / 1000,
          Keys: { pk: { S: `T#${tenant}#AWARDS` }, sk: { S: "AWARD#1" } },
        },
      },
    ],
  };
  await handler(event);

  const summary = await readNationalSummary(
    { client: createClient({ region: "local", endpoint }), tableName },
    tenant,
    2027,
  );
  // The partition is empty (its last item was removed): the summary exists and counts nothing.
  expect(summary).toMatchObject({ tenantId: tenant, year: 2027, counts: {}, partitions: {}, version: 1 });
  vi.unstubAllEnvs();
});
