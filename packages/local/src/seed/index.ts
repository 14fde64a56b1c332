import type { Actor } from "@thidua/core/actor";
import { AppError } from "@thidua/core/error";
import { createAccount } from "@thidua/core/identity";
import { createTenant } from "@thidua/core/tenant";
import { seedBlocs } from "./blocs.ts";
import { demoAccounts, demoProvinces } from "./demo-data.ts";

export { demoAccounts, demoProvinces } from "./demo-data.ts";

// The seed acts as the platform itself, with the operator's rights.
const system: Actor = { userId: "system", email: "system@thidua.local", name: "Hệ thống", role: "operator" };

const ignoreExisting = (error: unknown) => {
  if (error instanceof AppError && error.kind === "conflict") return;
  throw error;
};

/**
 * Seeds the demo provinces, accounts, units and blocs; safe to run again:
 * a province that already exists is left as it is.
 */
export async function seedDemo(password: string): Promise<{ created: boolean }> {
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
  for (const account of demoAccounts) await createAccount({ ...account, password }).catch(ignoreExisting);
  await seedBlocs(created);
  return { created: created.size > 0 };
}
