import {
  type Directory,
  type Invitation,
  inviteAccount,
  invitePlatformAccount,
  noteSignIn,
} from "@thidua/core/account";
import type { Actor } from "@thidua/core/actor";
import { AppError } from "@thidua/core/error";
import { usePasswordLink } from "@thidua/core/identity";
import { createTenant } from "@thidua/core/tenant";
import { boardOf, seedBlocs } from "./blocs.ts";
import { demoAccounts, demoProvinces } from "./demo-data.ts";

export { demoAccounts, demoProvinces } from "./demo-data.ts";

// The seed acts as the platform itself, with the operator's rights.
const system: Actor = { userId: "system", email: "system@thidua.local", name: "Hệ thống", role: "operator" };

const ignoreExisting = (error: unknown) => {
  if (error instanceof AppError && error.kind === "conflict") return;
  throw error;
};

/**
 * Seeds the demo provinces, units, blocs and accounts; safe to run again: a province that already exists
 * is left as it is. Province accounts are invited by the board and accept their invitation with the demo
 * password, as people do; the operator and the national viewer are invited by the platform itself.
 */
export async function seedDemo(password: string, directory: Directory): Promise<{ created: boolean }> {
  const created = new Set<string>();
  for (const province of demoProvinces) {
    const made = await createTenant(system, province).then(
      () => true,
      (error: unknown) => {
        ignoreExisting(error);
        return false;
      },
    );
    if (made) created.add(province.tenantId);
  }
  const followed = await seedBlocs(created);
  for (const { tenantId, ...account } of demoAccounts) {
    let invitation: Invitation;
    if (!tenantId) {
      const invited = await invitePlatformAccount(system, account, directory).catch(ignoreExisting);
      if (!invited) continue;
      ({ invitation } = invited);
    } else {
      if (!created.has(tenantId)) continue;
      const blocIds = account.role === "council" ? (followed.get(tenantId) ?? []) : undefined;
      ({ invitation } = await inviteAccount(boardOf(tenantId), { ...account, blocIds }, directory));
    }
    const token = invitation.link?.split("#")[1];
    if (!token) throw new Error(`The demo invitation of ${account.email} has no link`);
    // Accepted and signed in once, as a person does: the people pages show them as joined.
    await noteSignIn(await usePasswordLink({ token, password }, "invitation"));
  }
  return { created: created.size > 0 };
}
