import { z } from "zod";
import type { Actor } from "../actor.ts";
import { blocsFollowedBy, blocsOf, followChanges } from "../bloc/index.ts";
import { boardOnly, type ProvinceScope, provinceScope } from "../db/scope.ts";
import { commit, putVersioned } from "../db/write.ts";
import { AppError, conflict, forbidden, invalid, notFound, parseInput } from "../error.ts";
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
import { assertInvitable, assertUnit, invite, notGrantable, sendInvitation, unitExists } from "./invite.ts";
import { notePlatformSignIn } from "./platform.ts";
import { changesStanding, inDirectoryOrder, selfChange } from "./standing.ts";

export * from "./account.rules.ts";
export {
  alreadyJoined,
  type Directory,
  type DirectoryEntry,
  type DirectoryKey,
  type DirectoryUser,
  emailTaken,
  type Invitation,
} from "./directory.ts";
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
 * directory follows: the next tokens carry the new role and unit; deactivating ends every session, and is
 * done in the directory first, so a deactivation never stands in the records while sign-in still works.
 * Nobody changes their own role or status, so a province keeps a board member who can undo it, and one
 * deactivated cannot reactivate themselves with a token that has not expired yet.
 */
export async function updateAccount(actor: Actor, userId: string, input: unknown, directory: Directory) {
  const scope = provinceScope(actor, boardOnly);
  const { version, blocIds, unitId, ...changes } = parseInput(UpdateAccountInput, input);
  const [before, blocs] = await Promise.all([findAccount(scope, userId), blocsOf(scope), assertCallerActive(scope)]);
  if (before.version !== version) throw stale();
  if (userId === actor.userId && changesStanding(before, changes)) throw selfChange();
  const role = changes.role ?? before.role;
  if (!isProvinceRole(role)) throw notGrantable();
  const after: Account = {
    ...before,
    ...changes,
    role,
    // A unit officer keeps their unit unless told; another role drops it (naming one is refused below).
    unitId: unitId === null ? undefined : (unitId ?? (role === "unit" ? before.unitId : undefined)),
    updatedAt: new Date().toISOString(),
    version: version + 1,
  };
  const followed = blocsFollowedBy(blocs, before.email);
  const nextBlocs = role === "council" ? (blocIds ?? followed) : [];
  const problems = editProblems({ role, unitId: after.unitId, blocIds: blocIds ?? nextBlocs });
  if (problems.length) throw invalid("request.invalid", "Invalid input", problems);
  if (after.unitId !== before.unitId) await assertUnit(scope, after.unitId);
  const sameBlocs = nextBlocs.length === followed.length && nextBlocs.every((id) => followed.includes(id));
  const follows = sameBlocs ? [] : await followChanges(scope, before.email, nextBlocs);
  const write = () =>
    commit(scope, [
      ...(after.unitId && after.unitId !== before.unitId ? [unitExists(after.unitId)] : []),
      putVersioned("account", after, version, {
        conflict: stale,
        audit: { action: "update", entity: "account", entityId: userId, before, after },
      }),
      ...follows,
    ]);
  await inDirectoryOrder(directory, before, after, write, { tenantId: scope.tenantId });
  return { ...after, blocIds: nextBlocs };
}

/** Sends a person's invitation again: recorded first, then sent (the old link stops working). */
export async function resendInvitation(actor: Actor, userId: string, directory: Directory) {
  const scope = provinceScope(actor, boardOnly);
  const [before, blocs] = await Promise.all([findAccount(scope, userId), blocsOf(scope), assertCallerActive(scope)]);
  if (before.status !== "active") throw conflict("account.deactivated", "This account is deactivated");
  await assertInvitable(directory, before);
  const after: Account = { ...before, invitedAt: new Date().toISOString(), version: before.version + 1 };
  await commit(scope, [
    putVersioned("account", after, before.version, {
      conflict: stale,
      audit: { action: "update", entity: "account", entityId: userId, before, after },
    }),
  ]);
  const account: AccountView = { ...after, blocIds: blocsFollowedBy(blocs, after.email) };
  return { account, invitation: await sendInvitation(directory, after.email) };
}

/** A board member deactivated moments ago may still hold a token: it changes nobody's account. */
async function assertCallerActive({ db, actor }: ProvinceScope) {
  const { data } = await db.account.get({ userId: actor.userId }).go();
  if (data?.status === "deactivated") throw forbidden("auth.account_disabled", "This account is deactivated");
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
