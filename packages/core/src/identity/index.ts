import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Email } from "../account/account.rules.ts";
import { type Actor, Role } from "../actor.ts";
import { platformEntities } from "../db/platform.ts";
import { isConditionFailure } from "../db/write.ts";
import { conflict, type ErrorCode, forbidden, invalid, parseInput, unauthenticated } from "../error.ts";
import { textField } from "../text/index.ts";
import { commitIdentity, type Identity, isActive, passwordSet, toActor } from "./identity.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { NewPassword, passwordProblem, TypedPassword } from "./password-policy.rules.ts";

export { type LinkPurpose, linkInfo, usePasswordLink } from "./links.ts";
export {
  createLocalDirectory,
  type LocalDirectory,
  type LocalDirectoryOptions,
  listOutbox,
  type OutboxMessage,
} from "./local-directory.ts";
export { hashPassword, verifyPassword } from "./password.ts";
export * from "./password-policy.rules.ts";

export const Credentials = z.object({
  email: Email,
  password: TypedPassword.min(1),
});

export const NewAccount = z.object({
  email: Email,
  name: textField({ min: 1, max: 120 }),
  role: Role,
  tenantId: z.string().optional(),
  unitId: z.string().optional(),
  password: z.string().min(8).max(200),
});
export type NewAccount = z.input<typeof NewAccount>;

/**
 * An identity that can sign in at once, without an invitation: the demo seed's and tests'. People are
 * otherwise invited (account/). An existing email is a conflict.
 */
export async function createAccount(input: NewAccount): Promise<Actor> {
  const { password, ...account } = parseInput(NewAccount, input);
  const item: Identity = {
    ...account,
    userId: randomUUID(),
    status: "active",
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  };
  try {
    await platformEntities().identity.create(item).go();
  } catch (error) {
    if (isConditionFailure(error)) throw conflict("account.exists", `${account.email} already has an account`);
    throw error;
  }
  return toActor(item);
}

/** Checks an email and password; the same error for an unknown email and a wrong password. */
export async function authenticate(input: unknown): Promise<Actor> {
  const { email, password } = parseInput(Credentials, input);
  const { data } = await platformEntities().identity.get({ email }).go();
  // Hash even for an unknown email (or one not yet joined) so timing does not reveal which accounts exist.
  const ok = await verifyPassword(password, data?.passwordHash ?? DUMMY_HASH);
  if (!data?.passwordHash || !ok) throw unauthenticated("auth.invalid_credentials", "Wrong email or password");
  if (data.status === "disabled") throw forbidden("auth.account_disabled", "This account is deactivated");
  return toActor(data);
}

const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export const PasswordChange = z.object({
  currentPassword: TypedPassword.min(1),
  newPassword: NewPassword,
});

/** A refusal that names the field it concerns, so the form can point at it. */
const fieldRefusal = (path: string, code: ErrorCode) => invalid(code, code, [{ path, message: code }]);

/**
 * Changes the caller's own password, the current one required. Every other session ends (their refresh
 * tokens are refused); the route gives the caller a new one.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<Actor> {
  const { currentPassword, newPassword } = parseInput(PasswordChange, input);
  const identity = await signedInIdentity(actor);
  if (!(identity.passwordHash && (await verifyPassword(currentPassword, identity.passwordHash))))
    throw fieldRefusal("currentPassword", "password.wrong_current");
  const problem = passwordProblem(newPassword, identity.email);
  if (problem) throw fieldRefusal("newPassword", problem);
  if (newPassword === currentPassword) throw fieldRefusal("newPassword", "password.same_as_current");
  await commitIdentity([passwordSet(identity.email, await hashPassword(newPassword))]);
  return toActor(identity);
}

/** The identity behind a session, if it may still act: same person, active. */
async function signedInIdentity(who: { email: string; userId: string }): Promise<Identity> {
  const { data } = await platformEntities().identity.get({ email: who.email }).go();
  if (!data || data.userId !== who.userId || !isActive(data))
    throw unauthenticated("auth.session_ended", "This account can no longer sign in");
  return data;
}

/** A session of the built-in provider, as its refresh token names it. */
export interface RefreshedSession {
  email: string;
  userId: string;
  /** The session's id, and when it began (seconds): it lasts 12 hours from then. */
  sid: string;
  authTime: number;
  /** When this refresh token was issued, in milliseconds. */
  issuedAtMs: number;
}

/**
 * Who a refresh token speaks for now, with their current role, province and unit: refused when the
 * identity is disabled, its sessions were ended after the token was issued (`issuedAtMs`), or its user
 * signed out of this session.
 */
export async function refreshedActor(session: RefreshedSession): Promise<Actor> {
  const [identity, { data: ended }] = await Promise.all([
    signedInIdentity(session),
    platformEntities().endedSession.get({ email: session.email, sid: session.sid }).go(),
  ]);
  const validFrom = identity.sessionsValidFrom ? Date.parse(identity.sessionsValidFrom) : 0;
  if (session.issuedAtMs < validFrom || ended) throw unauthenticated("auth.session_ended", "This session was ended");
  return toActor(identity);
}

/** How long a session of the built-in provider lasts from its sign-in (the ID tokens, 15 minutes each). */
export const SESSION_SECONDS = 12 * 60 * 60;

/**
 * Signs out of one session: its refresh tokens stop working; the user's other sessions go on. Sessions
 * signed out of earlier and over by now are pruned, so the records stay as few as the day's sign-outs.
 */
export async function endSession({ email, sid, authTime }: Pick<RefreshedSession, "email" | "sid" | "authTime">) {
  const { endedSession } = platformEntities();
  const now = new Date().toISOString();
  const { data: earlier } = await endedSession.query.byEmail({ email }).go({ pages: "all" });
  const over = earlier.filter((e) => e.endsAt < now);
  if (over.length) await endedSession.delete(over.map(({ email, sid }) => ({ email, sid }))).go();
  const endsAt = new Date((authTime + SESSION_SECONDS) * 1000).toISOString();
  await endedSession.put({ email, sid, endsAt }).go();
}
