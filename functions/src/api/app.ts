import { OpenAPIHono } from "@hono/zod-openapi";
import type { Directory } from "@thidua/core/account";
import type { ArchiveRunner } from "@thidua/core/archive";
import type { DocumentPreviewer, DocumentRenderer } from "@thidua/core/document/rules";
import { methodNotAllowed, notFound } from "@thidua/core/error";
import { jsonLogger, type Logger } from "@thidua/core/log";
import { requestId } from "hono/request-id";
import type { Verifier } from "../auth/verifier.ts";
import { bodyLimitsOf } from "../env.ts";
import type { AppEnv } from "./context.ts";
import { onError, validationHook } from "./errors.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { type BodyLimits, bodyLimits } from "./middleware/body-limit.ts";
import { accessLog } from "./middleware/log.ts";
import { documentedMethods, openApiConfig } from "./openapi.ts";
import { accountRoutes } from "./routes/accounts.ts";
import { archiveRoutes } from "./routes/archives.ts";
import { auditRoutes } from "./routes/audit.ts";
import { type AuthConfig, authConfigRoutes } from "./routes/auth-config.ts";
import { type LocalSignIn, localAuthRoutes } from "./routes/auth-local.ts";
import { awardTypeRoutes } from "./routes/award-types.ts";
import { ballotRoutes } from "./routes/ballots.ts";
import { blocRoutes } from "./routes/blocs.ts";
import { criteriaRoutes } from "./routes/criteria.ts";
import { cycleRoutes } from "./routes/cycle.ts";
import { documentRoutes } from "./routes/documents.ts";
import { evidenceRoutes } from "./routes/evidence.ts";
import { healthRoutes } from "./routes/health.ts";
import { importRoutes } from "./routes/imports.ts";
import { letterheadRoutes } from "./routes/letterhead.ts";
import { meRoutes } from "./routes/me.ts";
import { nationalRoutes } from "./routes/national.ts";
import { platformAccountRoutes } from "./routes/platform-accounts.ts";
import { proposalRoutes } from "./routes/proposals.ts";
import { quotaRoutes } from "./routes/quotas.ts";
import { ruleRoutes } from "./routes/rules.ts";
import { scoreRoutes } from "./routes/scores.ts";
import { tenantRoutes } from "./routes/tenants.ts";
import { unitRoutes } from "./routes/units.ts";

export interface AppDeps {
  verify: Verifier;
  /** The identity provider the account routes keep in step: Cognito on AWS, the built-in one locally. */
  directory: Directory;
  /** Told to the dashboard by `GET /api/auth/config`. */
  authConfig: AuthConfig;
  /** Present only in the local runtime, where the API is also the identity provider. */
  localSignIn?: LocalSignIn;
  log?: Logger;
  /**
   * Draws and stores documents (Word, Excel): on AWS it invokes the documents function, so the API's bundle
   * holds no generator; locally and in tests, the generators in process. Without one, documents answer 500.
   */
  renderDocument?: DocumentRenderer;
  /** Draws a document as an HTML page for the preview: in the same places as `renderDocument`. */
  previewDocument?: DocumentPreviewer;
  /**
   * Starts the jobs that export, import or erase a province (long: minutes): locally in process; on AWS by
   * invoking the archive function. Without one, those routes answer 500.
   */
  runArchiveJob?: ArchiveRunner;
  /** Body limits; 1 MB for JSON and 6 MB for an import unless set. */
  limits?: BodyLimits;
}

export { API_VERSION } from "./openapi.ts";

const noRenderer: DocumentRenderer = () => Promise.reject(new Error("No document renderer: createApp was given none"));
const noArchiveRunner: ArchiveRunner = () => Promise.reject(new Error("No archive runner: createApp was given none"));
const noPreviewer: DocumentPreviewer = () =>
  Promise.reject(new Error("No document previewer: createApp was given none"));

/** Builds the API: middleware, one sub-app per resource under /api, the OpenAPI document, one error model. */
export function createApp({
  verify,
  directory,
  authConfig,
  localSignIn,
  log = jsonLogger,
  limits = bodyLimitsOf(),
  renderDocument = noRenderer,
  runArchiveJob = noArchiveRunner,
  previewDocument = noPreviewer,
}: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", requestId({ headerName: "x-request-id" }));
  // Size first: an oversized body is refused before anything reads it, a token included.
  app.use("/api/*", accessLog(log), bodyLimits(limits), authenticate(verify), async (c, next) => {
    c.set("directory", directory);
    await next();
  });

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route("/", healthRoutes)
    .route("/", authConfigRoutes(authConfig))
    .route("/", meRoutes)
    .route("/", tenantRoutes)
    .route("/", archiveRoutes(runArchiveJob))
    .route("/", nationalRoutes)
    .route("/", accountRoutes)
    .route("/", platformAccountRoutes)
    // Before unitRoutes: /units/import/… are fixed paths, not unit ids.
    .route("/", importRoutes)
    .route("/", unitRoutes)
    .route("/", blocRoutes)
    .route("/", cycleRoutes)
    .route("/", scoreRoutes)
    .route("/", evidenceRoutes)
    .route("/", ballotRoutes)
    .route("/", documentRoutes(renderDocument, previewDocument))
    .route("/", letterheadRoutes)
    .route("/", proposalRoutes)
    .route("/", criteriaRoutes)
    .route("/", awardTypeRoutes)
    .route("/", quotaRoutes)
    .route("/", ruleRoutes)
    .route("/", auditRoutes);
  if (localSignIn) api.route("/", localAuthRoutes(localSignIn));
  app.route("/api", api);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  // Built on first use and kept: the routes do not change while the process lives (it took 117–170 ms).
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const documentOnce = () => (document ??= app.getOpenAPI31Document(openApiConfig));
  app.get("/api/openapi.json", (c) => c.json(documentOnce()));

  // Registered last: reached only when no route above answered. A documented path asked with another
  // method answers 405 with the methods it has.
  let methodsOf: ((path: string) => string[]) | undefined;
  app.all("/api/*", (c) => {
    methodsOf ??= documentedMethods(documentOnce());
    const allowed = methodsOf(c.req.path);
    if (allowed.length === 0) throw notFound("route.not_found", `No route ${c.req.method} ${c.req.path}`);
    c.header("allow", allowed.join(", "));
    throw methodNotAllowed(`${c.req.method} is not one of ${allowed.join(", ")} on ${c.req.path}`);
  });
  app.onError(onError(log));
  return app;
}

export type App = ReturnType<typeof createApp>;
