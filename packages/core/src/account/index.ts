import { z } from "zod";
import type { Actor } from "../actor.ts";
import { blocsFollowedBy, blocsOf, followChanges } from "../bloc/index.ts";
import { boardOnly, type ProvinceScope, provinceScope } from "../db/scope.ts";
import { commit, putVersioned } from "../db/write.ts";
import { AppError, conflict, invalid, notFound, parseInput } from "../error.ts";
import {
  type Account,
  type AccountView,
  accountMatches,
  compareAccounts,
  editProblems,
  InviteAccountInput,
  isProvinceRole,
  ListAccountsQuery,
  UpdateAccountInput,
} from "./account.rules.ts";
import type { Directory } from "./directory.ts";
import { assertUnit, invite, notGrantable, unitExists } from "./invite.ts";
import { notePlatformSignIn } from "./platform.ts";

export * from "./account.rules.ts";
export type { Directory, DirectoryEntry, DirectoryUser, Invitation } from "./directory.ts";
export { inviteBoardAccount, onboardProvince } from "./onboard.ts";
export {
  invitePlatformAccount,
  listPlatformAccounts,
  resendPlatformInvitation,
  updatePlatformAccount,
} from "./platform.ts";

const stale = () => conflict("account.stale", "The account was changed by someone else");

/** Every account of the scope's province: one partition, a few hundred at most. */
async function accountsOf({ db }: ProvinceScope): Promise<Account[]> {
  return (await db.account.query.byId({}).go({ pages: "all" })).data;
}

async function findAccount({ db }: ProvinceScope, userId: string): Promise<Account> {
  const { data } = await db.account.get({ userId }).go();
  if (!data) throw notFound("account.not_found");
  return data;
}

/** A page of the people list ends at an account: its name and email continue it. */
const Position = z.object({ name: z.string().max(400), email: z.string().max(400) });
const cursorOf = (account: Account) =>
  Buffer.from(JSON.stringify({ name: account.name, email: account.email })).toString("base64url");
function positionOf(cursor: string): z.infer<typeof Position> {
  try {
    return Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalid("cursor.invalid", "This cursor does not come from this list", [
      { path: "cursor", message: "cursor.invalid" },
    ]);
  }
}

/** The province's people in name order, filtered by role, unit, status and a search without diacritics. */
export async function listAccounts(actor: Actor, query: ListAccountsQuery) {
  const scope = provinceScope(actor, boardOnly);
  const { limit, cursor, ...filter } = parseInput(ListAccountsQuery, query);
  const [accounts, blocs] = await Promise.all([accountsOf(scope), blocsOf(scope)]);
  const matching = accounts.filter((a) => accountMatches(a, filter)).sort(compareAccounts);
  const after = cursor ? positionOf(cursor) : undefined;
  const start = after ? matching.findIndex((a) => compareAccounts(a, after) > 0) : 0;
  const items = start < 0 ? [] : matching.slice(start, start + limit);
  const last = items.at(-1);
  return {
    items: items.map((a): AccountView => ({ ...a, blocIds: blocsFollowedBy(blocs, a.email) })),
    cursor: last && start + limit < matching.length ? cursorOf(last) : null,
    total: matching.length,
  };
}

/** One person of the province, with the blocs they follow. */
export async function getAccount(actor: Actor, userId: string): Promise<AccountView> {
  const scope = provinceScope(actor, boardOnly);
  const [account, blocs] = await Promise.all([findAccount(scope, userId), blocsOf(scope)]);
  return { ...account, blocIds: blocsFollowedBy(blocs, account.email) };
}

/** The board invites a board member, council member or unit officer of its own province. */
export async function inviteAccount(actor: Actor, input: unknown, directory: Directory) {
  return invite(provinceScope(actor, boardOnly), parseInput(InviteAccountInput, input), directory);
}

/**
 * Changes a person's name, role, unit, followed blocs or status (a stale version answers 409). The
 * directory follows: the next tokens carry the new role and unit; deactivating ends every session.
 * Nobody demotes or deactivates themselves, so a province keeps a board member who can undo it.
 */
export async function updateAccount(actor: Actor, userId: string, input: unknown, directory: Directory) {
  const scope = provinceScope(actor, boardOnly);
  const { version, blocIds, unitId, ...changes } = parseInput(UpdateAccountInput, input);
  const [before, blocs] = await Promise.all([findAccount(scope, userId), blocsOf(scope)]);
  if (before.version !== version) throw stale();
  if (userId === actor.userId && ((changes.role ?? "board") !== "board" || changes.status === "deactivated"))
    throw conflict("account.self_change", "You cannot demote or deactivate yourself");
  const role = changes.role ?? before.role;
  if (!isProvinceRole(role)) throw notGrantable();
  const after: Account = {
    ...before,
    ...changes,
    role,
    unitId: role === "unit" ? (unitId === null ? undefined : (unitId ?? before.unitId)) : undefined,
    updatedAt: new Date().toISOString(),
    version: version + 1,
  };
  const followed = blocsFollowedBy(blocs, before.email);
  const nextBlocs = role === "council" ? (blocIds ?? followed) : [];
  const problems = editProblems({ role, unitId: after.unitId, blocIds: nextBlocs });
  if (problems.length) throw invalid("request.invalid", "Invalid input", problems);
  if (after.unitId !== before.unitId) await assertUnit(scope, after.unitId);
  const sameBlocs = nextBlocs.length === followed.length && nextBlocs.every((id) => followed.includes(id));
  await commit(scope, [
    ...(after.unitId && after.unitId !== before.unitId ? [unitExists(after.unitId)] : []),
    putVersioned("account", after, version, {
      conflict: stale,
      audit: { action: "update", entity: "account", entityId: userId, before, after },
    }),
    ...(sameBlocs ? [] : await followChanges(scope, before.email, nextBlocs)),
  ]);
  // Every edit brings the directory in step, so one that failed half-way is mended by the next.
  await directory.update({ ...after, tenantId: scope.tenantId });
  if (after.status !== before.status || after.status === "deactivated")
    await directory.setEnabled(after.email, after.status === "active");
  return { ...after, blocIds: nextBlocs };
}

/** Sends a person's invitation again (a new link; the old one stops working). */
export async function resendInvitation(actor: Actor, userId: string, directory: Directory) {
  const scope = provinceScope(actor, boardOnly);
  const [before, blocs] = await Promise.all([findAccount(scope, userId), blocsOf(scope)]);
  if (before.status !== "active") throw conflict("account.deactivated", "This account is deactivated");
  const invitation = await directory.invite(before.email);
  const after: Account = { ...before, invitedAt: new Date().toISOString(), version: before.version + 1 };
  await commit(scope, [
    putVersioned("account", after, before.version, {
      conflict: stale,
      audit: { action: "update", entity: "account", entityId: userId, before, after },
    }),
  ]);
  const account: AccountView = { ...after, blocIds: blocsFollowedBy(blocs, after.email) };
  return { account, invitation: { ...invitation, sent: true } };
}

/**
 * Notes a person's first sign-in, which tells the board the invitation was accepted. Called when the
 * dashboard asks who is signed in; nothing to note for one already noted or without an account record.
 */
export async function noteSignIn(actor: Actor): Promise<void> {
  if (!actor.tenantId) return notePlatformSignIn(actor);
  const scope = provinceScope(actor, ["board", "council", "unit"]);
  const { data } = await scope.db.account.get({ userId: actor.userId }).go();
  if (!data || data.joinedAt) return;
  const noted = () => conflict("account.stale", "Already noted");
  await commit(scope, [
    {
      write: (tx) =>
        tx.account
          .patch({ userId: actor.userId })
          .set({ joinedAt: new Date().toISOString() })
          .where((attr, op) => op.notExists(attr.joinedAt))
          .commit(),
      conflict: noted,
    },
  ]).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === "account.stale")) throw error; // another tab noted it first
  });
}
