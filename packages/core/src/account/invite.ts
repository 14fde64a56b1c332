import type { z } from "zod";
import { followChanges } from "../bloc/index.ts";
import type { ProvinceScope } from "../db/scope.ts";
import { type Change, checkItem, commit, createItem } from "../db/write.ts";
import { AppError, conflict, forbidden, notFound } from "../error.ts";
import { jsonLogger } from "../log.ts";
import { type Account, type AccountView, type InviteAccountInput, isProvinceRole } from "./account.rules.ts";
import { alreadyJoined, type Directory, type DirectoryKey, emailTaken, type Invitation } from "./directory.ts";

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
 * Invites a person into the scope's province: an identity reserved in the directory (no password yet),
 * then the account, the blocs a council member follows and the audit record in one transaction, then
 * the invitation. If the transaction fails, the reserved identity is released; if the process dies
 * between the two, inviting the same email again resumes with the identity left behind.
 */
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
  const user = { ...person, tenantId: scope.tenantId };
  const found = await directory.find(person.email);
  let userId: string;
  if (found) {
    // Left behind by an invitation that stopped half-way: same province, never joined, no account.
    const leftBehind = found.tenantId === scope.tenantId && !found.joined;
    if (!leftBehind || (await scope.db.account.get({ userId: found.userId }).go()).data) throw emailTaken();
    userId = found.userId;
    await directory.update({ ...user, userId });
  } else {
    ({ userId } = await directory.reserve(user));
  }
  const now = new Date().toISOString();
  const account: Account = {
    userId,
    ...person,
    status: "active",
    invitedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  try {
    await commit(scope, [
      ...(person.unitId ? [unitExists(person.unitId)] : []),
      createItem("account", account, {
        conflict: exists,
        audit: { action: "create", entity: "account", entityId: userId, after: account },
      }),
      ...follows,
    ]);
  } catch (error) {
    if (!found) await releaseUnless(directory, { email: person.email, userId }, error);
    throw error;
  }
  return { account: { ...account, blocIds }, invitation: await sendInvitation(directory, person.email) };
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
