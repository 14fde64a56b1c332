import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Actor, Role } from "../actor.ts";
import { platformEntities } from "../db/platform.ts";
import { isConditionFailure } from "../db/write.ts";
import { conflict, type ErrorCode, forbidden, invalid, parseInput, unauthenticated } from "../error.ts";
import { textField } from "../text/index.ts";
import { type Identity, isActive, setPassword, toActor } from "./identity.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { NewPassword, passwordProblem } from "./password-policy.ts";

export { type LinkPurpose, linkInfo, usePasswordLink } from "./links.ts";
export {
  createLocalDirectory,
  type LocalDirectory,
  type LocalDirectoryOptions,
  listOutbox,
  type OutboxMessage,
} from "./local-directory.ts";
export { hashPassword, verifyPassword } from "./password.ts";
export * from "./password-policy.ts";

/** An address as long as mail allows (RFC 5321): it is a database key, so it is bounded before any lookup. */
const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const Credentials = z.object({
  email: Email,
  password: z.string().min(1).max(200),
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
  currentPassword: z.string().min(1).max(200),
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
  await setPassword(identity, await hashPassword(newPassword));
  return toActor(identity);
}

/** The identity behind a session, if it may still act: same person, active. */
async function signedInIdentity(who: { email: string; userId: string }): Promise<Identity> {
  const { data } = await platformEntities().identity.get({ email: who.email }).go();
  if (!data || data.userId !== who.userId || !isActive(data))
    throw unauthenticated("auth.session_ended", "This account can no longer sign in");
  return data;
}

/**
 * Who a refresh token speaks for now, with their current role, province and unit: refused when the
 * identity is disabled or its sessions were ended after the token was issued (`issuedAtMs`).
 */
export async function refreshedActor(session: { email: string; userId: string; issuedAtMs: number }): Promise<Actor> {
  const identity = await signedInIdentity(session);
  const validFrom = identity.sessionsValidFrom ? Date.parse(identity.sessionsValidFrom) : 0;
  if (session.issuedAtMs < validFrom) throw unauthenticated("auth.session_ended", "This session was ended");
  return toActor(identity);
}
