import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleFunction, coldStartBudgetsKiB, type FunctionBundle } from "../infra/bundling.ts";
import { environmentProblems, lintTemplates, loadFunction, type StackFunction } from "./rehearsal.ts";

const API_VARIABLES = {
  TABLE_NAME: "prod-thidua-table",
  FILES_BUCKET: "prod-thidua-files",
  AUTH_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool",
  AUTH_AUDIENCE: "client",
  AUTH_JWKS_URL: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json",
  COGNITO_USER_POOL_ID: "pool",
  TENANT_ROLE_ARN: "arn:aws:iam::123456789012:role/tenant",
  NATIONAL_ROLE_ARN: "arn:aws:iam::123456789012:role/national",
  DOCUMENTS_FUNCTION_NAME: "documents",
  ARCHIVE_FUNCTION_NAME: "archive",
  SST_STAGE: "prod",
};
const stackFunction = (name: string, environment: Record<string, string>, bundle?: FunctionBundle): StackFunction => ({
  id: `test/${name}`,
  name,
  bundleDir: bundle ? join(bundle.entry, "..") : "/nowhere",
  entryFile: bundle?.entry ?? "/nowhere/entry.mjs",
  exportName: "handler",
  environment,
  memoryMiB: 512,
  runtime: "nodejs24.x",
});

describe("a function's variables against what its entry reads", () => {
  it("accepts the API's variables as its stack sets them", () => {
    expect(environmentProblems(stackFunction("api", API_VARIABLES))).toEqual([]);
  });

  it("names a misspelt variable twice: the one set that nothing reads, and the one needed that is not set", () => {
    const { TABLE_NAME, ...rest } = API_VARIABLES;
    expect(environmentProblems(stackFunction("api", { ...rest, TABLE_NAMES: TABLE_NAME }))).toEqual([
      "the stack does not set TABLE_NAME, which the function needs on AWS",
      "the stack sets TABLE_NAMES, which the function never reads (a misspelt name?)",
    ]);
  });

  it("refuses a local endpoint on AWS, and a function whose entry declares no environment", () => {
    expect(environmentProblems(stackFunction("aggregate", { TABLE_NAME: "t", DYNAMODB_ENDPOINT: "http://x" }))).toEqual(
      ["the stack sets DYNAMODB_ENDPOINT, which only the local runtime may set"],
    );
    expect(environmentProblems(stackFunction("mailer", {}))[0]).toMatch(/no environment is declared for "mailer"/);
  });
});

describe("a bundle loaded in a fresh process, as Lambda would", () => {
  const out = mkdtempSync(join(tmpdir(), "thidua-rehearsal-test-"));
  let aggregate: FunctionBundle;
  beforeAll(async () => {
    aggregate = await bundleFunction("aggregate", join(out, "aggregate"));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("loads, and measures what its cold start loaded: the entry and its static chunks, as esbuild reports them", async () => {
    const loaded = await loadFunction(stackFunction("aggregate", { TABLE_NAME: "prod-thidua-table" }, aggregate));
    expect(loaded.problems).toEqual([]);
    expect(loaded.coldKiB).toBeCloseTo(aggregate.coldBytes / 1024, 0);
  });

  it("fails when a file the bundle imports is missing", async () => {
    const broken = join(out, "broken");
    cpSync(join(out, "aggregate"), broken, { recursive: true });
    // A chunk the entry imports statically: one of those a cold start loads.
    const onUse = aggregate.onUse.map((chunk) => basename(chunk.file));
    const chunk = readdirSync(broken).find((file) => file.startsWith("chunk-") && !onUse.includes(file));
    if (!chunk) throw new Error("the aggregate bundle has no static chunk to remove");
    rmSync(join(broken, chunk));
    const fn = stackFunction("aggregate", { TABLE_NAME: "prod-thidua-table" }, aggregate);
    const loaded = await loadFunction({ ...fn, bundleDir: broken, entryFile: join(broken, basename(aggregate.entry)) });
    expect(loaded.problems.join()).toMatch(/does not load: .*Cannot find module .*chunk-/);
  });

  it("fails on a variable the entry refuses, a missing export, an unexpected answer and a cold start over budget", async () => {
    const fn = stackFunction("aggregate", { TABLE_NAME: "prod-thidua-table" }, aggregate);
    expect((await loadFunction({ ...fn, environment: { TABLE_NAME: "t" } })).problems).toEqual([
      expect.stringMatching(/^does not load: Error: Invalid aggregator configuration: TABLE_NAME/),
    ]);
    expect((await loadFunction({ ...fn, exportName: "main" })).problems).toEqual([
      expect.stringMatching(/does not load: .*exports no function "main"/),
    ]);
    expect((await loadFunction(fn, { event: { Records: [] }, statusCode: 200 })).problems).toEqual([
      "answered undefined where 200 was expected",
    ]);
    const budget = coldStartBudgetsKiB.aggregate;
    coldStartBudgetsKiB.aggregate = 10;
    try {
      expect((await loadFunction(fn)).problems).toEqual([expect.stringMatching(/over its budget of 10 KiB$/)]);
    } finally {
      coldStartBudgetsKiB.aggregate = budget as number;
    }
  });
});

describe("the templates through cfn-lint, where it is installed", () => {
  it("reports a template's error by its rule, or says cfn-lint is missing", async () => {
    const broken = {
      toJSON: () => ({
        Resources: { Queue: { Type: "AWS::SQS::Queue", Properties: { MessageRetentionPeriod: "a week" } } },
      }),
    };
    const lint = await lintTemplates(new Map([["broken", broken]]));
    if (lint.available) expect(lint.errors).toEqual([expect.stringMatching(/^broken\.json:.*:E\d+:/)]);
    else expect(lint).toEqual({ available: false, errors: [], warnings: 0 });
  });
});
