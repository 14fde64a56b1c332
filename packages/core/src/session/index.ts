import { noteSignIn } from "../account/index.ts";
import type { Actor } from "../actor.ts";
import { jsonLogger } from "../log.ts";
import { ownTenant } from "../tenant/index.ts";
import { getUnit } from "../unit/index.ts";
import type { Me } from "./session.rules.ts";

export * from "./session.rules.ts";

/**
 * The caller as the dashboard shows them: who they are, with the names of their province and unit. The
 * dashboard asks after each sign-in, which notes a person's first one for the board.
 */
export async function getMe(actor: Actor): Promise<Me> {
  const [tenant, unit] = await Promise.all([
    ownTenant(actor),
    // A unit renamed or removed since the account was made: the account still works, without the name.
    actor.unitId ? getUnit(actor, actor.unitId).catch(() => undefined) : undefined,
    // Bookkeeping: never a reason to refuse someone their own page.
    noteSignIn(actor).catch((error: unknown) => {
      jsonLogger({ level: "error", msg: "first sign-in not noted", userId: actor.userId, error: String(error) });
    }),
  ]);
  return { ...actor, tenantName: tenant?.name, unitName: unit?.name };
}
