/**
 * The dependency direction of ARCHITECTURE.md, checked on every `npm run lint`:
 * web → core (schemas only) and the API's route types, functions → core, local → functions + core,
 * infra → core's table definition only; rules files pure; only entities and
 * core/src/db touch DynamoDB; core never imports hono; a province's data is
 * reached through the actor's scope, the platform's and the nation's only by
 * the modules that own them.
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
      name: "documents-from-plain-data",
      comment: "The documents package turns plain data into Word and Excel files: no storage, no HTTP, no app.",
      severity: "error",
      from: { path: "^packages/documents/" },
      to: {
        path: [
          dynamodb,
          "^packages/core/src/db/",
          "\\.entity\\.ts$",
          "^(functions|packages/local|web|infra)/",
          "node_modules/(hono|@hono)/",
        ],
      },
    },
    {
      name: "client-stands-alone",
      comment: "The integrators' client is its generated types and openapi-fetch: none of the product's code.",
      severity: "error",
      from: { path: "^packages/client/" },
      to: { path: "^(packages/(?!client/)|functions|web|infra|test)/" },
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
      name: "province-data-through-scopes",
      comment: "Only db/ builds a province's entities from its id; modules get them from provinceScope(actor).",
      severity: "error",
      from: { pathNot: "^packages/core/src/db/" },
      to: { path: "^packages/core/src/db/(province|bind|config)\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "platform-items-owned-by-tenant-account-identity-audit-and-archive",
      severity: "error",
      from: { pathNot: "^packages/core/src/(db|tenant|account|identity|audit|archive)/" },
      to: { path: "^packages/core/src/db/platform\\.ts$" },
    },
    {
      name: "whole-provinces-moved-by-archive-only",
      comment:
        "A province's items and files taken whole (a Scan, the bucket's prefix) serve only export, import, erase.",
      severity: "error",
      from: { pathNot: ["^packages/core/src/(db|files|archive)/", "\\.test\\.ts$"] },
      to: { path: "^packages/core/src/(db/province-items|files/province-files)\\.ts$" },
    },
    {
      name: "national-items-owned-by-national",
      severity: "error",
      from: { pathNot: "^packages/core/src/(db|national)/" },
      to: { path: "^packages/core/src/db/national\\.ts$" },
    },
    {
      name: "test-seams-in-tests-only",
      severity: "error",
      // The run's setup (one DynamoDB Local for all files) and the cross-package tests' fixtures are test code too.
      from: { pathNot: "\\.test\\.ts$|^test/(setup|isolation|browser|support)/" },
      to: { path: "^packages/core/src/(db|files)/testing\\.ts$" },
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
          "^(packages/core/src/(actor\\.ts|error(-codes)?\\.ts|text/index\\.ts|[a-z-]+/[a-z-]+\\.rules\\.ts)|functions/src/api/client-types\\.ts)$",
      },
    },
    {
      name: "web-types-the-api-from-its-routes",
      comment: "The dashboard's typed client reads the API's route types, never its code.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^functions/src/api/client-types\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "deploy-reads-of-functions-only-their-environment",
      comment:
        "The deploy rehearsal checks the stacks against what each entry reads (env.ts); the bundles it loads as files.",
      severity: "error",
      from: { path: "^deploy/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(functions/(?!src/env\\.ts$)|packages/local/|web/)" },
    },
    {
      name: "infra-names-handlers-as-strings",
      comment: "infra imports only the table definition and the password rule; handlers are referenced by path.",
      severity: "error",
      from: { path: "^(infra/|sst\\.config\\.ts$)" },
      to: {
        path: "^(functions|packages/local|web)/|^packages/core/src/(?!db/table\\.ts$|identity/password-policy\\.rules\\.ts$|identity/common-passwords\\.ts$)",
      },
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
