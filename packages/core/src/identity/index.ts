import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Actor, Role } from "../actor.ts";
import { platformEntities } from "../db/platform.ts";
import { isConditionFailure } from "../db/write.ts";
import { conflict, parseInput, unauthenticated } from "../error.ts";
import { textField } from "../text/index.ts";
import { hashPassword, verifyPassword } from "./password.ts";

export { hashPassword, verifyPassword } from "./password.ts";

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

/** Creates an account of the local identity provider; an existing email is a conflict. */
export async function createAccount(input: NewAccount): Promise<Actor> {
  const { password, ...account } = parseInput(NewAccount, input);
  const item = {
    ...account,
    userId: randomUUID(),
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
  // Hash even for an unknown email so timing does not reveal which accounts exist.
  const ok = await verifyPassword(password, data?.passwordHash ?? DUMMY_HASH);
  if (!data || !ok) throw unauthenticated("auth.invalid_credentials", "Wrong email or password");
  return toActor(data);
}

const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

function toActor(item: {
  userId: string;
  email: string;
  name: string;
  role: Actor["role"];
  tenantId?: string;
  unitId?: string;
}): Actor {
  return {
    userId: item.userId,
    email: item.email,
    name: item.name,
    role: item.role,
    ...(item.tenantId ? { tenantId: item.tenantId } : {}),
    ...(item.unitId ? { unitId: item.unitId } : {}),
  };
}
