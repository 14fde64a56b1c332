import type { Actor } from "../actor.ts";
import { type PlatformItem, type PlatformTx, platformWriter } from "../db/platform.ts";
import { type Change, commitWith } from "../db/write.ts";
import { forbidden } from "../error.ts";

export type Identity = PlatformItem<"identity">;

/** Identities stored before statuses existed could sign in: they are active. */
export const isActive = (identity: Pick<Identity, "status">) => (identity.status ?? "active") === "active";

export function toActor(item: Pick<Identity, "userId" | "email" | "name" | "role" | "tenantId" | "unitId">): Actor {
  return {
    userId: item.userId,
    email: item.email,
    name: item.name,
    role: item.role,
    ...(item.tenantId ? { tenantId: item.tenantId } : {}),
    ...(item.unitId ? { unitId: item.unitId } : {}),
  };
}

/**
 * A new password, unless the identity was disabled meanwhile: it becomes active, and every earlier session
 * and one-time link ends (see sessionsValidFrom).
 */
export const passwordSet = (email: string, passwordHash: string): Change<PlatformTx> => ({
  write: (tx) =>
    tx.identity
      .patch({ email })
      .set({ passwordHash, status: "active", sessionsValidFrom: new Date().toISOString() })
      .where((attr, op) => `${op.notExists(attr.status)} OR ${op.ne(attr.status, "disabled")}`)
      .commit(),
  conflict: () => forbidden("auth.account_disabled", "This account is deactivated"),
});

/** The identity provider's own writes: nobody acts on a province, so nothing goes to an audit trail. */
const provider: Actor = { userId: "identity-provider", email: "", name: "Identity provider", role: "operator" };
export const commitIdentity = (changes: readonly Change<PlatformTx>[]) => commitWith(platformWriter(provider), changes);
