import { type Role, roles } from "@thidua/core/actor";

/** The dashboard's pages and who may open them; the header and the routes both read this. */
export const pages = {
  account: { path: "/account", label: "nav.account", roles },
  tenants: { path: "/tenants", label: "nav.tenants", roles: ["operator", "national"] },
} as const satisfies Record<string, { path: string; label: `nav.${string}`; roles: readonly Role[] }>;

export const navOrder = [pages.account, pages.tenants] as const;

export const canOpen = (page: { roles: readonly Role[] }, role: Role): boolean => page.roles.includes(role);

/** Where a role lands after signing in: the province registry for platform roles, otherwise their account. */
export const homePath = (role: Role): string =>
  canOpen(pages.tenants, role) ? pages.tenants.path : pages.account.path;
