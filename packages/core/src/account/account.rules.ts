import { z } from "zod";
import { Role, tenantRoles } from "../actor.ts";
import { SavedVersion, someChange } from "../edit/edit.rules.ts";
import type { CodedIssue } from "../error.ts";
import { CreateTenantInput } from "../tenant/tenant.rules.ts";
import { compareVietnamese, matchesSearch, textField } from "../text/index.ts";

/**
 * An address as long as mail allows (RFC 5321): it is a key, so it is bounded before any lookup. The
 * document gives the pattern zod checks (stricter than the JSON Schema `email` format, which admits `!`).
 */
export const Email = z
  .email()
  .max(254)
  .meta({ pattern: z.regexes.email.source })
  .transform((e) => e.toLowerCase());

export const ProvinceRole = z.enum(tenantRoles as ["board", "council", "unit"]);
export type ProvinceRole = z.infer<typeof ProvinceRole>;
export const PlatformRole = z.enum(["operator", "national"]);
export type PlatformRole = z.infer<typeof PlatformRole>;

export const AccountStatus = z.enum(["active", "deactivated"]);
export type AccountStatus = z.infer<typeof AccountStatus>;

const Name = textField({ min: 2, max: 120 });
const Id = z.string().min(1).max(120);
/**
 * Each bloc followed or left is two items of the edit's transaction (the bloc and its audit record), and
 * a transaction holds 100: 24 blocs, all swapped for 24 others, still fit with the account's own two.
 */
const BlocIds = z.array(Id).max(24);

/** A person of a province: whom the board has invited, in which role. */
export const Account = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: ProvinceRole,
    /** The unit an officer acts for (role `unit` only). */
    unitId: z.string().optional(),
    status: AccountStatus,
    /** The last invitation sent; `joinedAt` is unset until the first sign-in. */
    invitedAt: z.string(),
    joinedAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Account" });
export type Account = z.infer<typeof Account>;

/** An account as the people page shows it: with the blocs a council member follows. */
export const AccountView = Account.extend({ blocIds: z.array(z.string()) }).meta({ id: "AccountView" });
export type AccountView = z.infer<typeof AccountView>;

/** The roles a province's board gives its people: never an operator's or a national viewer's. */
export const isProvinceRole = (role: Role): role is ProvinceRole => (tenantRoles as readonly Role[]).includes(role);

/** A unit officer acts for one unit; nobody else is bound to one. */
const unitMatchesRole = (v: { role?: Role; unitId?: string | null }) =>
  v.role === undefined || (v.role === "unit") === Boolean(v.unitId);
const unitRule = { message: "account.unit_required", path: ["unitId"] };
/** Only council members follow blocs. */
const blocsMatchRole = (v: { role?: Role; blocIds?: string[] }) => !v.blocIds?.length || v.role === "council";
const blocsRule = { message: "account.blocs_council_only", path: ["blocIds"] };

export const InviteAccountInput = z
  .object({
    email: Email,
    name: Name,
    /** Any role may be asked for; one the caller may not grant answers 403 (see isProvinceRole). */
    role: Role,
    unitId: Id.optional(),
    blocIds: BlocIds.optional(),
  })
  .refine(unitMatchesRole, unitRule)
  .refine(blocsMatchRole, blocsRule);
export type InviteAccountInput = z.input<typeof InviteAccountInput>;

/** The first board account of a new province, or one the operator adds later. */
export const BoardAccountInput = z.object({ email: Email, name: Name });
export type BoardAccountInput = z.input<typeof BoardAccountInput>;

/** A new province with its first board member (flat, as one form fills it). */
export const OnboardProvinceInput = CreateTenantInput.extend({ boardEmail: Email, boardName: Name });
export type OnboardProvinceInput = z.input<typeof OnboardProvinceInput>;

export const UpdateAccountInput = someChange(
  z.object({
    name: Name.optional(),
    role: Role.optional(),
    /** null unbinds (a role other than `unit`). */
    unitId: Id.nullable().optional(),
    blocIds: BlocIds.optional(),
    status: AccountStatus.optional(),
    version: SavedVersion,
  }),
);
export type UpdateAccountInput = z.input<typeof UpdateAccountInput>;

/** The role, unit and blocs after an edit must agree as they do for an invitation. */
export function editProblems(after: { role: Role; unitId?: string; blocIds: string[] }): CodedIssue[] {
  return [
    ...(unitMatchesRole(after) ? [] : [{ path: "unitId", message: "account.unit_required" as const }]),
    ...(blocsMatchRole(after) ? [] : [{ path: "blocIds", message: "account.blocs_council_only" as const }]),
  ];
}

export const ListAccountsQuery = z.object({
  q: z.string().max(120).optional(),
  role: ProvinceRole.optional(),
  unitId: Id.optional(),
  status: AccountStatus.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAccountsQuery = z.input<typeof ListAccountsQuery>;

/** The people page's order: by name as Vietnamese sorts it, then by email. */
export const compareAccounts = (a: Pick<Account, "name" | "email">, b: Pick<Account, "name" | "email">) =>
  compareVietnamese(a.name, b.name) || a.email.localeCompare(b.email);

/** Whether an account passes the people page's filters; `q` matches name or email without diacritics. */
export function accountMatches(account: Account, { q, role, unitId, status }: Omit<ListAccountsQuery, "limit">) {
  return (
    (!role || account.role === role) &&
    (!unitId || account.unitId === unitId) &&
    (!status || account.status === status) &&
    (!q || matchesSearch(`${account.name} ${account.email}`, q))
  );
}

/** An operator or national viewer: the platform's own people, recorded as a province's are. */
export const PlatformAccount = Account.omit({ unitId: true })
  .extend({ role: PlatformRole })
  .meta({ id: "PlatformAccount" });
export type PlatformAccount = z.infer<typeof PlatformAccount>;

export const InvitePlatformAccountInput = z.object({ email: Email, name: Name, role: PlatformRole });
export type InvitePlatformAccountInput = z.input<typeof InvitePlatformAccountInput>;

export const UpdatePlatformAccountInput = someChange(
  z.object({
    name: Name.optional(),
    role: PlatformRole.optional(),
    status: AccountStatus.optional(),
    version: SavedVersion,
  }),
);
export type UpdatePlatformAccountInput = z.input<typeof UpdatePlatformAccountInput>;
