import { defineConfig } from "vitest/config";

// The AWS SDK warns once per process about Node 20; the warning is not actionable in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export default defineConfig({
  test: {
    include: ["{packages,functions,infra,deploy,test}/**/*.test.ts", "web/src/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // One DynamoDB Local and one S3 server for the whole run; tests isolate themselves with fresh tenant ids.
    globalSetup: ["test/setup/dynamo.ts", "test/setup/s3.ts"],
    setupFiles: ["test/setup/db.ts"],
    // Ceilings, not expectations: tests wait on readiness, and a loaded machine may only make them slower.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: two workers keep DynamoDB Local responsive.
    maxWorkers: 2,
  },
});
