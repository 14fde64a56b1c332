import { type Role, roles } from "@thidua/core/actor";

const tenantRoles = ["board", "council", "unit"] as const satisfies readonly Role[];

/** The dashboard's pages and who may open them; the header and the routes both read this. */
export const pages = {
  account: { path: "/account", label: "nav.account", roles },
  // Every province's figures of a year: where the national viewer lands; the operator sees it too.
  national: { path: "/national", label: "nav.national", roles: ["national", "operator"] },
  tenants: { path: "/tenants", label: "nav.tenants", roles: ["operator", "national"] },
  // Where a province's people land: how this year stands and what to do next.
  overview: { path: "/overview", label: "nav.overview", roles: tenantRoles },
  // Council members and units see their own blocs, read-only; the board sets up everything.
  blocs: { path: "/blocs", label: "nav.blocs", roles: tenantRoles },
  units: { path: "/units", label: "nav.units", roles: ["board"] },
  awardTypes: { path: "/award-types", label: "nav.awardTypes", roles: ["board"] },
  rules: { path: "/rules", label: "nav.rules", roles: ["board"] },
  // What every document the province issues carries at its head and foot; reached from the rules page
  // (the board's menu is full at a laptop's width) and from a document refused for want of it.
  letterhead: { path: "/letterhead", label: "nav.letterhead", roles: ["board"] },
  quotas: { path: "/quotas", label: "nav.quotas", roles: ["board"] },
  // The board's queue of the blocs' award proposals.
  proposals: { path: "/proposals", label: "nav.proposals", roles: ["board"] },
  people: { path: "/people", label: "nav.people", roles: ["board"] },
  audit: { path: "/audit", label: "nav.audit", roles: ["board"] },
  platformPeople: { path: "/platform/people", label: "nav.platformPeople", roles: ["operator"] },
  // The local runtime's outbox: no mail leaves the machine, so the operator reads it here.
  outbox: { path: "/outbox", label: "nav.outbox", roles: ["operator"], localOnly: true },
  platformAudit: { path: "/platform/audit", label: "nav.platformAudit", roles: ["operator"] },
} as const satisfies Record<
  string,
  { path: string; label: `nav.${string}`; roles: readonly Role[]; localOnly?: boolean }
>;

export const navOrder = [
  pages.overview,
  pages.blocs,
  pages.units,
  pages.awardTypes,
  pages.rules,
  pages.quotas,
  pages.proposals,
  pages.people,
  pages.audit,
  pages.national,
  pages.tenants,
  pages.platformPeople,
  pages.outbox,
  pages.platformAudit,
  pages.account,
] as const;

/** Who may open a page: these roles, and for a page of the local runtime only, only there. */
export interface PageAccess {
  roles: readonly Role[];
  localOnly?: boolean;
}

/** Whether a role may open a page; a page of the local runtime only (`localOnly`) needs `local` too. */
export const canOpen = (page: PageAccess, role: Role, local = true): boolean =>
  page.roles.includes(role) && (local || !page.localOnly);

export const blocPath = (blocId: string): string => `${pages.blocs.path}/${encodeURIComponent(blocId)}`;

/** The page of one bloc-year: where it stands and what each role does in it. */
export const yearPath = (blocId: string, year: number): string => `${blocPath(blocId)}/years/${year}`;

/** A member's voting page for a bloc-year, made for a phone: one question per screen. */
export const votePath = (blocId: string, year: number): string => `${yearPath(blocId, year)}/vote`;

/** One province's national figures for a year (the national page's drill-down). */
export const nationalProvincePath = (tenantId: string, year: number): string =>
  `${pages.national.path}/${encodeURIComponent(tenantId)}?year=${year}`;

/**
 * Where a role lands after signing in: the national figures for the national viewer, the province registry
 * for the operator, this year's overview for a province's people.
 */
export const homePath = (role: Role): string =>
  role === "national"
    ? pages.national.path
    : canOpen(pages.tenants, role)
      ? pages.tenants.path
      : canOpen(pages.overview, role)
        ? pages.overview.path
        : pages.account.path;
