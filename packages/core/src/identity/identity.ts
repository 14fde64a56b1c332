import type { Actor } from "../actor.ts";
import { type PlatformItem, type PlatformTx, platformEntities, platformWriter } from "../db/platform.ts";
import { type Change, commitWith } from "../db/write.ts";

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

/** A new password: the identity is active and every earlier session ends. */
export const setPassword = (identity: Pick<Identity, "email">, passwordHash: string) =>
  platformEntities()
    .identity.patch({ email: identity.email })
    .set({ passwordHash, status: "active", sessionsValidFrom: new Date().toISOString() })
    .go();

/** The identity provider's own writes: nobody acts on a province, so nothing goes to an audit trail. */
const provider: Actor = { userId: "identity-provider", email: "", name: "Identity provider", role: "operator" };
export const commitIdentity = (changes: readonly Change<PlatformTx>[]) => commitWith(platformWriter(provider), changes);
