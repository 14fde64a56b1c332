import type { OverviewFigures, OverviewItem } from "../../api/national.ts";
import type { Tenant } from "../../api/tenants.ts";

/** Registry entries and overview summaries for the national view's tests. */
export const tenant = (tenantId: string, name: string, status: Tenant["status"] = "active"): Tenant => ({
  tenantId,
  name,
  status,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  version: 1,
});

export const figures = (extra: Partial<OverviewFigures> = {}): OverviewFigures => ({
  units: 10,
  disciplinedUnits: 0,
  blocs: 2,
  clusters: 1,
  memberUnits: 8,
  blocYears: { planning: 1, open: 1, closed: 1 },
  phases: {
    registration: 0,
    in_progress: 0,
    mid_year_review: 0,
    scoring: 1,
    verification: 0,
    ranked: 0,
    closed: 1,
  },
  duties: { registered: 8, signed: 8, reported: 4, submitted: 4, locked: 0 },
  ballots: { open: 1, closed: 2 },
  proposals: {
    "provincial-flag": { approved: 1, rejected: 1 },
    "certificate-of-merit": { proposed: 2, approved: 1, withdrawn: 1 },
  },
  lastActivity: "2026-11-20T03:00:00.000Z",
  ...extra,
});

export const item = (tenantId: string, extra: Partial<OverviewFigures> = {}, year = 2026): OverviewItem => ({
  tenantId,
  year,
  figures: figures(extra),
  updatedAt: "2026-11-20T03:00:05.000Z",
});
