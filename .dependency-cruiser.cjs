/**
 * The dependency direction of ARCHITECTURE.md, checked on every `npm run lint`:
 * web → core (schemas only), functions → core, local → functions + core,
 * infra → core's table definition only; rules files pure; only entities and
 * core/src/db touch DynamoDB; core never imports hono.
 */
const dynamodb = "node_modules/(@aws-sdk/client-dynamodb|@aws-sdk/lib-dynamodb|electrodb)/";

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    {
      name: "core-without-hono",
      comment: "The domain knows nothing of HTTP or Lambda.",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "node_modules/(hono|@hono|@types/aws-lambda)/" },
    },
    {
      name: "core-depends-on-nothing-of-ours",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^(functions|packages/local|web|infra|test)/" },
    },
    {
      name: "rules-are-pure",
      comment: "*.rules.ts hold pure logic: no database, no I/O.",
      severity: "error",
      from: { path: "\\.rules\\.ts$" },
      to: {
        path: [
          dynamodb,
          "\\.entity\\.ts$",
          "^packages/core/src/db/",
          "^(node:)?(fs|net|http|https|child_process|dgram)$",
        ],
      },
    },
    {
      name: "only-entities-and-db-touch-dynamodb",
      severity: "error",
      from: { pathNot: ["\\.entity\\.ts$", "^packages/core/src/db/", "^functions/src/aws/", "^infra/"] },
      to: { path: dynamodb },
    },
    {
      name: "functions-not-local",
      severity: "error",
      from: { path: "^functions/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(packages/local|web|infra)/" },
    },
    {
      name: "web-uses-core-schemas-only",
      severity: "error",
      from: { path: "^web/" },
      to: {
        path: "^(packages/core/src/|functions/|packages/local/|infra/)",
        pathNot:
          "^packages/core/src/(actor\\.ts|error\\.ts|session\\.ts|text/index\\.ts|[a-z-]+/[a-z-]+\\.rules\\.ts)$",
      },
    },
    {
      name: "infra-names-handlers-as-strings",
      comment: "infra imports only the table definition; handlers are referenced by path.",
      severity: "error",
      from: { path: "^(infra/|sst\\.config\\.ts$)" },
      to: { path: "^(functions|packages/local|web)/|^packages/core/src/(?!db/table\\.ts$)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(web/dist|functions/dist|\\.sst|cdk\\.out|infra/cdk\\.out)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
  },
};
