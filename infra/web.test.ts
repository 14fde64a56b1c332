import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../sst.config.ts";
import { Auth } from "./auth.ts";
import { Storage } from "./storage.ts";
import { type Synthesized, synthesize } from "./synthesize.ts";
import { resourceOf } from "./testing.ts";
import { DASHBOARD_ROUTING, DASHBOARD_SOURCE, useDashboardSource, Web } from "./web.ts";

const VITE_VARIABLES = ["VITE_API_URL", "VITE_COGNITO_REGION", "VITE_COGNITO_USER_POOL_ID", "VITE_COGNITO_CLIENT_ID"];

/**
 * A stand-in for the dashboard: its "build" writes the VITE_ variables it receives into
 * index.html, so the test sees what a Vite build would inline. The real dashboard is built
 * by `npm run build` in web/ on `sst deploy` (DASHBOARD_SOURCE).
 */
function fakeDashboard(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "thidua-web-"));
  writeFileSync(
    path.join(dir, "build.mjs"),
    `import { mkdirSync, writeFileSync } from "node:fs";
mkdirSync("dist", { recursive: true });
const env = Object.fromEntries(${JSON.stringify(VITE_VARIABLES)}.map((k) => [k, process.env[k]]));
writeFileSync("dist/index.html", "<script>window.env = " + JSON.stringify(env) + "</script>");
`,
  );
  return dir;
}

describe("Web stack (whole app from sst.config.ts, only Web built)", () => {
  let site: string;
  let synthesized: Synthesized;
  let web: Template;
  beforeAll(async () => {
    site = fakeDashboard();
    useDashboardSource({ path: site, buildCommand: "node build.mjs", buildOutput: "dist" });
    synthesized = await synthesize((app) => config.stacks(app), {
      stage: "test",
      // The functions are built and asserted in api.test.ts; here they keep SST's placeholder code.
      isActiveStack: (name) => name.endsWith("-Web"),
    });
    web = synthesized.template(Web);
    useDashboardSource(DASHBOARD_SOURCE);
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it("builds the dashboard from web/ with npm run build into web/dist on deploy", () => {
    expect(DASHBOARD_SOURCE).toEqual({ path: "web", buildCommand: "npm run build", buildOutput: "dist" });
  });

  it("serves the dashboard from a private bucket behind CloudFront, HTTPS only, as a single-page app", () => {
    expect(resourceOf(web, "AWS::S3::Bucket").Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const distribution = resourceOf(web, "AWS::CloudFront::Distribution").Properties.DistributionConfig;
    expect(distribution.DefaultRootObject).toBe("index.html");
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
    expect(distribution.CustomErrorResponses).toEqual([
      expect.objectContaining({ ErrorCode: 403, ResponsePagePath: "/404.html", ResponseCode: 404 }),
      expect.objectContaining({ ErrorCode: 404, ResponsePagePath: "/404.html", ResponseCode: 404 }),
    ]);
    expect(resourceOf(web, "AWS::CloudFront::Function").Properties.FunctionCode).toBe(DASHBOARD_ROUTING);
  });

  it("routes the dashboard's paths to index.html and leaves files, dotfiles included, as they are", () => {
    const handler = new Function(`${DASHBOARD_ROUTING}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri?: string; statusCode?: number };
    const routed = (uri: string) => {
      const answer = handler({ request: { uri } });
      return answer.statusCode ?? answer.uri;
    };
    // The API is on its own domain: here its paths, however spelled, are not found.
    expect(["/api/units", "/API/UNITS", "//api/units", "/api%2Funits", "/Api"].map(routed)).toEqual(Array(5).fill(404));
    expect(["/", "/blocs", "/blocs/khoi-cac-co-quan-dang", "/sign-in"].map(routed)).toEqual(
      Array(4).fill("/index.html"),
    );
    expect(["/assets/index-abc.js", "/.env", "/404.html", "/favicon.ico"].map(routed)).toEqual([
      "/assets/index-abc.js",
      "/.env",
      "/404.html",
      "/favicon.ico",
    ]);
  });

  it("builds the region in and leaves placeholders for values known only after deploy", () => {
    const built = readFileSync(path.join(site, "dist", "index.html"), "utf8");
    const env = JSON.parse(/window\.env = (.*)<\/script>/.exec(built)?.[1] ?? "{}");
    expect(env).toEqual({
      VITE_API_URL: "{{ VITE_API_URL }}",
      VITE_COGNITO_REGION: "ap-southeast-1",
      VITE_COGNITO_USER_POOL_ID: "{{ VITE_COGNITO_USER_POOL_ID }}",
      VITE_COGNITO_CLIENT_ID: "{{ VITE_COGNITO_CLIENT_ID }}",
    });
  });

  it("replaces the placeholders with the API URL and Cognito ids when uploading", () => {
    const uploader = resourceOf(web, "Custom::S3Uploader");
    const replaceValues = uploader.Properties.replaceValues as Array<{
      files: string;
      search: string;
      replace: unknown;
    }>;
    const replaced = (name: string) => replaceValues.filter((r) => r.search === `{{ ${name} }}`);
    for (const name of ["VITE_API_URL", "VITE_COGNITO_USER_POOL_ID", "VITE_COGNITO_CLIENT_ID"]) {
      expect(
        replaced(name)
          .map((r) => r.files)
          .sort(),
      ).toEqual(["**/*.html", "**/*.js"]);
    }
    expect(JSON.stringify(replaced("VITE_API_URL")[0]?.replace)).toMatch(/test-thidua-Api:.*Api/);
    expect(JSON.stringify(replaced("VITE_COGNITO_USER_POOL_ID")[0]?.replace)).toMatch(/test-thidua-Auth:.*UserPool/);
    expect(JSON.stringify(replaced("VITE_COGNITO_CLIENT_ID")[0]?.replace)).toMatch(/DashboardClient/);
  });

  it("prints the dashboard URL", () => {
    expect(web.toJSON().Outputs).toHaveProperty("DashboardUrl");
  });

  it("names the four stacks after the stage, and lets a disposable stage's data go on removal", () => {
    const names = synthesized.app.node.children.map((c) => c.node.id);
    expect(names).toEqual(
      expect.arrayContaining(["test-thidua-Storage", "test-thidua-Auth", "test-thidua-Api", "test-thidua-Web"]),
    );
    expect(resourceOf(synthesized.template(Storage), "AWS::DynamoDB::Table").DeletionPolicy).toBe("Delete");
    expect(resourceOf(synthesized.template(Auth), "AWS::Cognito::UserPool").DeletionPolicy).toBe("Delete");
  });
});
