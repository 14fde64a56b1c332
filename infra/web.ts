import path from "node:path";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { useProject } from "sst/project.js";
import { accept } from "./accept-findings.ts";
import { Api } from "./api.ts";
import { Auth } from "./auth.ts";

/** Where the dashboard comes from and how it is built (run by SST during `sst deploy`). */
export interface DashboardSource {
  /** The site folder, relative to the repository root. */
  path: string;
  /** Run inside `path` with the VITE_ variables set; none when the output is already there. */
  buildCommand?: string;
  /** The built files, relative to `path`. */
  buildOutput: string;
}

export const DASHBOARD_SOURCE: DashboardSource = { path: "web", buildCommand: "npm run build", buildOutput: "dist" };

/**
 * The viewer-request function in place of SST's: the dashboard's routes (no file extension) are all
 * index.html; anything else is a file, served as it is or answered 404 (a dotfile such as `/.env` too).
 * The API lives on its own domain: an API path here, in any spelling, is a 404, never the dashboard.
 * CloudFront Functions run ES5.1.
 */
export const DASHBOARD_ROUTING = `function handler(event) {
  var request = event.request;
  var path = request.uri.replace(/\\/+/g, "/").toLowerCase();
  try { path = decodeURIComponent(path); } catch (e) {}
  if (/^\\/+api(\\/|$)/.test(path)) return { statusCode: 404, statusDescription: "Not Found" };
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

let source = DASHBOARD_SOURCE;
/**
 * Tests point the stack at a prebuilt folder: building the real dashboard takes longer than all
 * the infra tests together, and the site's content is not what they assert.
 */
export function useDashboardSource(next: DashboardSource): void {
  source = next;
}

/**
 * The dashboard on S3 behind CloudFront. Values known only after deploy (API URL, pool ids) are
 * built in as `{{ VITE_… }}` placeholders that SST's uploader replaces in the .js and .html files
 * when it copies them to the bucket; the region is known at build time and built in directly.
 */
export function Web({ stack }: StackContext) {
  const { api } = use(Api);
  const auth = use(Auth);

  const site = new StaticSite(stack, "Dashboard", {
    ...source,
    errorPage: "404.html",
    environment: {
      VITE_API_URL: api.url,
      VITE_COGNITO_REGION: stack.region,
      VITE_COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
      VITE_COGNITO_CLIENT_ID: auth.client.userPoolClientId,
    },
    // SST writes a vite env declaration file; keep it in .sst/ rather than in the web workspace's src/.
    vite: { types: path.relative(source.path, path.join(useProject().paths.out, "web-env.d.ts")) },
    cdk: {
      // CloudFront reaches the bucket over HTTPS (viewers are redirected to it); nothing else reaches it.
      bucket: { enforceSSL: true },
      distribution: {
        comment: `thidua dashboard (${stack.stage})`,
        defaultBehavior: { responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS },
        // The private bucket answers 403 for a missing file: it is a 404 to the visitor.
        errorResponses: [403, 404].map((httpStatus) => ({
          httpStatus,
          responseHttpStatus: 404,
          responsePagePath: "/404.html",
        })),
      },
    },
  });

  accept(
    site,
    {
      "AwsSolutions-CFR1": "Officials sign in from wherever they are; the data is behind the API's tokens, not the CDN",
      "AwsSolutions-CFR2":
        "Static files only; the API (another origin) throttles per route, and a web ACL costs per month",
      "AwsSolutions-CFR3": "Static files only: the API's access log records every request that reads or changes data",
      "AwsSolutions-CFR4":
        "The default *.cloudfront.net certificate cannot pin TLS 1.2; a custom domain's certificate would (docs/deploy.md)",
      "AwsSolutions-CFR7":
        "SST v2's StaticSite reaches its bucket with an origin access identity, which keeps it private too",
      "AwsSolutions-S1": "The bucket holds the dashboard's built files, the same for everyone; reads are CloudFront's",
    },
    { children: true },
  );
  // SST adds the uploader's policy when it builds the site, after this code: accepted on the stack, narrowly.
  accept(stack, {
    "AwsSolutions-IAM5": {
      reason:
        "SST's uploader copies the build from CDK's asset bucket into the site bucket, whose file names it cannot know",
      only: [
        /^Resource::<DashboardS3Bucket[0-9A-F]+\.Arn>\/\*$/,
        /^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-.*\/\*$/,
      ],
    },
  });

  const routing = site.node.findChild("CloudFrontFunction").node.defaultChild as cloudfront.CfnFunction;
  routing.functionCode = DASHBOARD_ROUTING;

  stack.addOutputs({ DashboardUrl: site.url });
  return { site };
}
