import path from "node:path";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { useProject } from "sst/project.js";
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
    errorPage: "redirect_to_index_page",
    environment: {
      VITE_API_URL: api.url,
      VITE_COGNITO_REGION: stack.region,
      VITE_COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
      VITE_COGNITO_CLIENT_ID: auth.client.userPoolClientId,
    },
    // SST writes a vite env declaration file; keep it in .sst/ rather than in the web workspace's src/.
    vite: { types: path.relative(source.path, path.join(useProject().paths.out, "web-env.d.ts")) },
    cdk: {
      distribution: {
        comment: `thidua dashboard (${stack.stage})`,
        defaultBehavior: { responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS },
      },
    },
  });

  stack.addOutputs({ DashboardUrl: site.url });
  return { site };
}
