import { randomUUID } from "node:crypto";
import { alreadyJoined, type Directory, type DirectoryUser, emailTaken } from "../account/directory.ts";
import { type Actor, assertRole } from "../actor.ts";
import { platformEntities } from "../db/platform.ts";
import { isConditionFailure } from "../db/write.ts";
import { notFound } from "../error.ts";
import { commitIdentity, type Identity, isActive } from "./identity.ts";
import { type LinkPurpose, newLink, type OutboxItem } from "./links.ts";

export type OutboxMessage = OutboxItem;

export interface LocalDirectoryOptions {
  /** Where the dashboard is, for the links: `http://localhost:3000`. */
  baseUrl: string;
  /** How long an invitation link works. */
  invitationHours: number;
  /** How long a password reset link works. */
  resetHours?: number;
  /** Called with each message put in the outbox (`npm start` prints it). */
  deliver?: (message: OutboxMessage) => void;
}

export interface LocalDirectory extends Directory {
  readonly kind: "local";
  /** Puts a reset link in the outbox for an active identity; says nothing either way (no account probing). */
  requestPasswordReset(email: string): Promise<void>;
}

const claims = (user: DirectoryUser) => ({
  name: user.name,
  role: user.role,
  ...(user.tenantId ? { tenantId: user.tenantId } : {}),
  ...(user.unitId ? { unitId: user.unitId } : {}),
});

/** An identity gone, or another id's by now: never someone else's to change. */
const notThisOne = (error: unknown) => {
  throw isConditionFailure(error) ? notFound("account.not_found") : error;
};

/**
 * The built-in identity provider as a Directory: identities, one-time links and the outbox under `P#`.
 * What Cognito does on AWS with AdminCreateUser, AdminUpdateUserAttributes, AdminDisableUser and mail.
 */
export function createLocalDirectory({
  baseUrl,
  invitationHours,
  resetHours = 1,
  deliver,
}: LocalDirectoryOptions): LocalDirectory {
  const identities = () => platformEntities().identity;
  const find = async (email: string) => (await identities().get({ email }).go()).data ?? undefined;

  async function sendLink(identity: Identity, purpose: LinkPurpose, hours: number, onlyIf: "invited" | "active") {
    const { changes, message } = newLink(identity, purpose, { baseUrl, hours });
    await commitIdentity([
      ...changes,
      {
        write: (tx) =>
          tx.identity
            .check({ email: identity.email })
            .where((attr, op) =>
              onlyIf === "invited"
                ? op.eq(attr.status, "invited")
                : `${op.notExists(attr.status)} OR ${op.eq(attr.status, "active")}`,
            )
            .commit(),
        conflict: onlyIf === "invited" ? alreadyJoined : () => notFound("account.not_found"),
      },
    ]);
    deliver?.(message);
    return message.link;
  }

  return {
    kind: "local",
    async find(email) {
      const identity = await find(email);
      if (!identity) return undefined;
      const { userId, name, role, tenantId, unitId, passwordHash } = identity;
      return { email, userId, name, role, tenantId, unitId, joined: Boolean(passwordHash) };
    },
    async reserve(user) {
      const userId = randomUUID();
      try {
        await identities()
          .create({
            email: user.email,
            userId,
            ...claims(user),
            status: "invited",
            createdAt: new Date().toISOString(),
          })
          .go();
      } catch (error) {
        if (isConditionFailure(error)) throw emailTaken();
        throw error;
      }
      return { userId };
    },
    async release({ email, userId }) {
      await identities()
        .delete({ email })
        .where((attr, op) => `${op.eq(attr.userId, userId)} AND ${op.notExists(attr.passwordHash)}`)
        .go()
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
    },
    async invite(email) {
      const identity = await find(email);
      if (!identity) throw notFound("account.not_found");
      if (identity.passwordHash) throw alreadyJoined();
      return { link: await sendLink(identity, "invitation", invitationHours, "invited") };
    },
    async update(user) {
      const patch = identities().patch({ email: user.email }).set(claims(user));
      await (user.unitId ? patch : patch.remove(["unitId"]))
        .where((attr, op) => op.eq(attr.userId, user.userId))
        .go()
        .catch(notThisOne);
    },
    async setEnabled({ email, userId }, enabled) {
      const identity = await find(email);
      if (identity?.userId !== userId) throw notFound("account.not_found");
      const status = enabled ? (identity.passwordHash ? "active" : "invited") : "disabled";
      await identities()
        .patch({ email })
        .set({ status, ...(enabled ? {} : { sessionsValidFrom: new Date().toISOString() }) })
        .where((attr, op) => op.eq(attr.userId, userId))
        .go()
        .catch(notThisOne);
    },
    async requestPasswordReset(email) {
      const identity = await find(email.toLowerCase());
      if (!identity?.passwordHash || !isActive(identity)) return;
      await sendLink(identity, "reset", resetHours, "active");
    },
  };
}

/** The outbox, newest first: what the local identity provider would have mailed. */
export async function listOutbox(actor: Actor, limit = 50): Promise<OutboxMessage[]> {
  assertRole(actor, ["operator"]);
  const { data } = await platformEntities().outbox.query.byTime({}).go({ order: "desc", limit });
  return data;
}
