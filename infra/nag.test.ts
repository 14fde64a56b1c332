import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, Stack } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import config from "../sst.config.ts";
import { accept } from "./accept-findings.ts";
import { checkBestPractices, unacceptedFindings } from "./nag.ts";
import { synthesize } from "./synthesize.ts";
import { DASHBOARD_SOURCE, useDashboardSource } from "./web.ts";

describe("AWS Solutions rules (cdk-nag) over every stack of sst.config.ts", () => {
  let site: string;
  beforeAll(() => {
    // A built dashboard stands in for the real one (the site's files are not what the rules read).
    site = mkdtempSync(path.join(tmpdir(), "thidua-nag-"));
    mkdirSync(path.join(site, "dist"));
    for (const page of ["index.html", "404.html"]) writeFileSync(path.join(site, "dist", page), "<!doctype html>");
    useDashboardSource({ path: site, buildOutput: "dist" });
    vi.stubEnv("OPERATOR_EMAIL", "ops@example.gov.vn");
  });
  afterAll(() => {
    useDashboardSource(DASHBOARD_SOURCE);
    vi.unstubAllEnvs();
    rmSync(site, { recursive: true, force: true });
  });

  it.each(["prod", "staging"])("finds nothing not accepted, with its reason, on the %s stage", async (stage) => {
    const { app } = await synthesize((app) => config.stacks(app), { stage, beforeSynthesis: checkBestPractices });
    expect(unacceptedFindings(app)).toEqual([]);
  });
});

describe("the rules and their acceptance", () => {
  const stackWithBucket = (accepted?: Parameters<typeof accept>[1]) => {
    const app = new App();
    const stack = new Stack(app, "Probe");
    const bucket = new s3.Bucket(stack, "Open", { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    if (accepted) accept(bucket, accepted);
    checkBestPractices(app);
    return unacceptedFindings(app);
  };

  it("finds a bucket that takes plain HTTP and keeps no access log", () => {
    const findings = stackWithBucket();
    expect(findings.some((f) => f.includes("AwsSolutions-S10"))).toBe(true);
    expect(findings.some((f) => f.includes("AwsSolutions-S1:"))).toBe(true);
  });

  it("accepts a rule only on the resource it was accepted on, with a reason", () => {
    const findings = stackWithBucket({ "AwsSolutions-S1": "A probe bucket that logs nothing on purpose" });
    expect(findings.some((f) => f.includes("AwsSolutions-S1:"))).toBe(false);
    expect(findings.some((f) => f.includes("AwsSolutions-S10"))).toBe(true);
    expect(() => stackWithBucket({ "AwsSolutions-S1": "because" })).toThrow(/give a reason/);
  });
});
