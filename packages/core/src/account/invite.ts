import type { z } from "zod";
import { followChanges } from "../bloc/index.ts";
import type { ProvinceScope } from "../db/scope.ts";
import { type Change, checkItem, commit, createItem } from "../db/write.ts";
import { AppError, conflict, forbidden, notFound } from "../error.ts";
import { jsonLogger } from "../log.ts";
import { type Account, type AccountView, type InviteAccountInput, isProvinceRole } from "./account.rules.ts";
import {
  alreadyJoined,
  type Directory,
  type DirectoryEntry,
  type DirectoryKey,
  type DirectoryUser,
  emailTaken,
  type Invitation,
} from "./directory.ts";

const exists = () => conflict("account.exists", "This person already has an account in the province");
export const notGrantable = () =>
  forbidden("account.role_not_grantable", "A province's people are its board, council members and unit officers");

/** The unit an officer is bound to must be one of the province's, at commit time too. */
export const unitExists = (unitId: string): Change =>
  checkItem(
    "unit",
    { unitId },
    (attr, op) => op.exists(attr.unitId),
    () => notFound("unit.not_found"),
  );

export async function assertUnit({ db }: ProvinceScope, unitId: string | undefined) {
  if (unitId && !(await db.unit.get({ unitId }).go()).data) throw notFound("unit.not_found");
}

/** Sends the invitation; a failure leaves the account, which the board can invite again. */
export async function sendInvitation(directory: Directory, email: string): Promise<Invitation & { sent: boolean }> {
  try {
    return { ...(await directory.invite(email)), sent: true };
  } catch (error) {
    jsonLogger({ level: "error", msg: "invitation not sent", error: String(error) });
    return { sent: false };
  }
}

/**
 * An invitation's steps across the identity provider and the records, which no transaction spans: an
 * identity reserved (no password yet), then `record` writes the account in one transaction, then the
 * invitation is sent. If the records' write fails, the reserved identity is released; if the process dies
 * between the two, inviting the same address again resumes with the identity left behind, when
 * `leftBehind` says it is this scope's and has no account.
 */
export async function reserveThenRecord<T>(
  directory: Directory,
  user: DirectoryUser,
  leftBehind: (found: DirectoryEntry) => Promise<boolean>,
  record: (userId: string) => Promise<T>,
): Promise<{ recorded: T; invitation: Invitation & { sent: boolean } }> {
  const found = await directory.find(user.email);
  let userId: string;
  if (found) {
    if (found.joined || !(await leftBehind(found))) throw emailTaken();
    userId = found.userId;
    await directory.update({ ...user, userId });
  } else {
    ({ userId } = await directory.reserve(user));
  }
  let recorded: T;
  try {
    recorded = await record(userId);
  } catch (error) {
    if (!found) await releaseUnless(directory, { email: user.email, userId }, error);
    throw error;
  }
  return { recorded, invitation: await sendInvitation(directory, user.email) };
}

/** A new account's bookkeeping: active, invited now, at version 1. */
export function newAccountFields(now = new Date().toISOString()) {
  return { status: "active" as const, invitedAt: now, createdAt: now, updatedAt: now, version: 1 };
}

/** Invites a person into the scope's province (see reserveThenRecord), with the blocs a council member follows. */
export async function invite(
  scope: ProvinceScope,
  fields: z.output<typeof InviteAccountInput>,
  directory: Directory,
): Promise<{ account: AccountView; invitation: Invitation & { sent: boolean } }> {
  const { blocIds = [], role, ...rest } = fields;
  if (!isProvinceRole(role)) throw notGrantable();
  const person = { ...rest, role };
  await assertUnit(scope, person.unitId);
  const follows = person.role === "council" ? await followChanges(scope, person.email, blocIds) : [];
  const leftBehind = async (found: DirectoryEntry) =>
    found.tenantId === scope.tenantId && !(await scope.db.account.get({ userId: found.userId }).go()).data;
  const { recorded, invitation } = await reserveThenRecord(
    directory,
    { ...person, tenantId: scope.tenantId },
    leftBehind,
    async (userId) => {
      const account: Account = { userId, ...person, ...newAccountFields() };
      await commit(scope, [
        ...(person.unitId ? [unitExists(person.unitId)] : []),
        createItem("account", account, {
          conflict: exists,
          audit: { action: "create", entity: "account", entityId: userId, after: account },
        }),
        ...follows,
      ]);
      return account;
    },
  );
  return { account: { ...recorded, blocIds }, invitation };
}

/**
 * Releases an identity reserved for an account that was not written, unless the failure says an account
 * with its id exists: a concurrent invitation of the same address resumed with it and got there first.
 */
export async function releaseUnless(directory: Directory, key: DirectoryKey, error: unknown) {
  if (error instanceof AppError && error.code === "account.exists") return;
  await directory.release(key);
}

/** Before a resend: the identity is still this account's, and its person has not joined yet. */
export async function assertInvitable(directory: Directory, { email, userId }: DirectoryKey) {
  const entry = await directory.find(email);
  if (entry?.userId !== userId) throw notFound("account.not_found");
  if (entry.joined) throw alreadyJoined();
}
