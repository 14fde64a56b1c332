import type { accountRoutes } from "./routes/accounts.ts";
import type { archiveRoutes } from "./routes/archives.ts";
import type { auditRoutes } from "./routes/audit.ts";
import type { authConfigRoutes } from "./routes/auth-config.ts";
import type { localAuthRoutes } from "./routes/auth-local.ts";
import type { awardTypeRoutes } from "./routes/award-types.ts";
import type { ballotRoutes } from "./routes/ballots.ts";
import type { blocRoutes } from "./routes/blocs.ts";
import type { criteriaRoutes } from "./routes/criteria.ts";
import type { cycleRoutes } from "./routes/cycle.ts";
import type { documentRoutes } from "./routes/documents.ts";
import type { evidenceRoutes } from "./routes/evidence.ts";
import type { importRoutes } from "./routes/imports.ts";
import type { letterheadRoutes } from "./routes/letterhead.ts";
import type { meRoutes } from "./routes/me.ts";
import type { nationalRoutes } from "./routes/national.ts";
import type { platformAccountRoutes } from "./routes/platform-accounts.ts";
import type { proposalRoutes } from "./routes/proposals.ts";
import type { quotaRoutes } from "./routes/quotas.ts";
import type { ruleRoutes } from "./routes/rules.ts";
import type { scoreRoutes } from "./routes/scores.ts";
import type { tenantRoutes } from "./routes/tenants.ts";
import type { unitRoutes } from "./routes/units.ts";

/**
 * The API's routes by resource, as the dashboard's typed client sees them
 * (`hc<ApiRoutes["units"]>("/api")`). A renamed route, parameter or field
 * breaks the dashboard's type check, not its users.
 */
export interface ApiRoutes {
  accounts: typeof accountRoutes;
  audit: typeof auditRoutes;
  authConfig: ReturnType<typeof authConfigRoutes>;
  authLocal: ReturnType<typeof localAuthRoutes>;
  awardTypes: typeof awardTypeRoutes;
  ballots: typeof ballotRoutes;
  blocs: typeof blocRoutes;
  criteria: typeof criteriaRoutes;
  cycle: typeof cycleRoutes;
  documents: ReturnType<typeof documentRoutes>;
  letterhead: typeof letterheadRoutes;
  evidence: typeof evidenceRoutes;
  imports: typeof importRoutes;
  me: typeof meRoutes;
  national: typeof nationalRoutes;
  platformAccounts: typeof platformAccountRoutes;
  proposals: typeof proposalRoutes;
  quotas: typeof quotaRoutes;
  rules: typeof ruleRoutes;
  scores: typeof scoreRoutes;
  tenants: typeof tenantRoutes;
  archives: ReturnType<typeof archiveRoutes>;
  units: typeof unitRoutes;
}
