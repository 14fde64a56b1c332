import { randomUUID } from "node:crypto";
import { keyPrefix } from "@thidua/core/db";
import { listNationalSummaries } from "@thidua/core/national";
import { createUnit } from "@thidua/core/unit";
import { freshTenant } from "@thidua/test/support";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { expect, inject, it, vi } from "vitest";

const national = { userId: "n", email: "n@tw.vn", name: "Ban TĐKT Trung ương", role: "national" } as const;

it("the Lambda entry reads its configuration and writes the province's national summary (DynamoDB Local)", async () => {
  vi.stubEnv("TABLE_NAME", inject("tableName"));
  vi.stubEnv("DYNAMODB_ENDPOINT", inject("dynamoEndpoint"));
  vi.stubEnv("AWS_REGION", "local");
  vi.spyOn(console, "log").mockImplementation(() => {});
  const { handler } = await import("./aggregate.ts");
  const { tenantId, board } = await freshTenant("agg");
  await createUnit(board, { name: `Sở ${randomUUID()}`, kind: "state_agency" });

  // A change as Lambda delivers it: keys and images in attribute-value form, time in seconds.
  const event: DynamoDBStreamEvent = {
    Records: [
      {
        eventName: "INSERT",
        eventSource: "aws:dynamodb",
        dynamodb: {
          ApproximateCreationDateTime: Date.parse("2027-03-01T00:00:00Z") / 1000,
          Keys: { pk: { S: `${keyPrefix.tenant(tenantId)}UNITS` }, sk: { S: "UNIT#x" } },
        },
      },
    ],
  };
  await handler(event);

  const summaries = await listNationalSummaries(national, 2027);
  expect(summaries.find((s) => s.tenantId === tenantId)?.figures).toMatchObject({ units: 1, blocs: 0 });
  vi.unstubAllEnvs();
});
