import { type Actor, assertRole } from "../actor.ts";
import { platformEntities, platformWriter } from "../db/platform.ts";
import { type AuditEntry, commitWith, isConditionFailure } from "../db/write.ts";
import { conflict, forbidden, notFound, parseInput } from "../error.ts";
import {
  compareAccounts,
  InvitePlatformAccountInput,
  type PlatformAccount,
  UpdatePlatformAccountInput,
} from "./account.rules.ts";
import type { Directory, DirectoryEntry } from "./directory.ts";
import { assertInvitable, newAccountFields, reserveThenRecord, sendInvitation } from "./invite.ts";
import { changesStanding, inDirectoryOrder, selfChange } from "./standing.ts";

/**
 * The platform's own people, managed by its operators: other operators and national viewers. Their
 * actions go to the platform's trail under this marker, which no province id can take (ids are slugs).
 */
const PLATFORM_TRAIL = "_platform";

const operators = ["operator"] as const;
const stale = () => conflict("account.stale", "The account was changed by someone else");
const exists = () => conflict("account.exists", "This person already has an account");
const audited = (entry: Omit<AuditEntry, "entity" | "tenantId">): AuditEntry => ({
  ...entry,
  entity: "account",
  tenantId: PLATFORM_TRAIL,
});

export async function listPlatformAccounts(actor: Actor): Promise<PlatformAccount[]> {
  assertRole(actor, operators);
  const { data } = await platformEntities().platformAccount.query.byId({}).go({ pages: "all" });
  return data.sort(compareAccounts);
}

async function findPlatformAccount(userId: string): Promise<PlatformAccount> {
  const { data } = await platformEntities().platformAccount.get({ userId }).go();
  if (!data) throw notFound("account.not_found");
  return data;
}

/** Invites an operator or national viewer, as a board invites its people (see reserveThenRecord). */
export async function invitePlatformAccount(actor: Actor, input: unknown, directory: Directory) {
  assertRole(actor, operators);
  const person = parseInput(InvitePlatformAccountInput, input);
  await assertOperatorActive(actor);
  const { platformAccount } = platformEntities();
  const leftBehind = async (found: DirectoryEntry) =>
    !found.tenantId && !(await platformAccount.get({ userId: found.userId }).go()).data;
  const { recorded, invitation } = await reserveThenRecord(directory, person, leftBehind, async (userId) => {
    const account: PlatformAccount = { userId, ...person, ...newAccountFields() };
    await commitWith(platformWriter(actor), [
      {
        write: (tx) => tx.platformAccount.create(account).commit(),
        conflict: exists,
        audit: audited({ action: "create", entityId: userId, after: account }),
      },
    ]);
    return account;
  });
  return { account: recorded, invitation };
}

/** Renames, changes the role of, deactivates or reactivates one of the platform's people; never oneself. */
export async function updatePlatformAccount(actor: Actor, userId: string, input: unknown, directory: Directory) {
  assertRole(actor, operators);
  const { version, ...changes } = parseInput(UpdatePlatformAccountInput, input);
  const [before] = await Promise.all([findPlatformAccount(userId), assertOperatorActive(actor)]);
  if (before.version !== version) throw stale();
  if (userId === actor.userId && changesStanding(before, changes)) throw selfChange();
  const after: PlatformAccount = { ...before, ...changes, updatedAt: new Date().toISOString(), version: version + 1 };
  await inDirectoryOrder(directory, before, after, () => saveVersioned(actor, before, after));
  return after;
}

/** Sends an operator's or national viewer's invitation again: recorded first, then sent. */
export async function resendPlatformInvitation(actor: Actor, userId: string, directory: Directory) {
  assertRole(actor, operators);
  const [before] = await Promise.all([findPlatformAccount(userId), assertOperatorActive(actor)]);
  if (before.status !== "active") throw conflict("account.deactivated", "This account is deactivated");
  await assertInvitable(directory, before);
  const after: PlatformAccount = { ...before, invitedAt: new Date().toISOString(), version: before.version + 1 };
  await saveVersioned(actor, before, after);
  return { account: after, invitation: await sendInvitation(directory, after.email) };
}

/** An operator deactivated moments ago may still hold a token: they change nobody's account. */
export async function assertOperatorActive(actor: Actor) {
  const { data } = await platformEntities().platformAccount.get({ userId: actor.userId }).go();
  if (data?.status === "deactivated") throw forbidden("auth.account_disabled", "This account is deactivated");
}

const saveVersioned = (actor: Actor, before: PlatformAccount, after: PlatformAccount) =>
  commitWith(platformWriter(actor), [
    {
      write: (tx) =>
        tx.platformAccount
          .put(after)
          .where((attr, op) => op.eq(attr.version, before.version))
          .commit(),
      conflict: stale,
      audit: audited({ action: "update", entityId: before.userId, before, after }),
    },
  ]);

/** Notes an operator's or national viewer's first sign-in (see noteSignIn). */
export async function notePlatformSignIn(actor: Actor): Promise<void> {
  const { platformAccount } = platformEntities();
  const { data } = await platformAccount.get({ userId: actor.userId }).go();
  // None for the operator created with the stack; nothing to do once noted.
  if (!data || data.joinedAt) return;
  await platformAccount
    .patch({ userId: actor.userId })
    .set({ joinedAt: new Date().toISOString() })
    .where((attr, op) => op.notExists(attr.joinedAt))
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error; // another tab noted it first
    });
}
