import type { Actor } from "@thidua/core/actor";
import { AppError } from "@thidua/core/error";
import { createAccount } from "@thidua/core/identity";
import { createTenant, findTenant } from "@thidua/core/tenant";
import { demoAccounts, demoProvinces } from "./demo-data.ts";

export { demoAccounts, demoProvinces } from "./demo-data.ts";

// The seed acts as the platform itself, with the operator's rights.
const system: Actor = { userId: "system", email: "system@thidua.local", name: "Hệ thống", role: "operator" };

const ignoreExisting = (error: unknown) => {
  if (error instanceof AppError && error.kind === "conflict") return;
  throw error;
};

/** Seeds the demo provinces and accounts; safe to run again (existing ones are kept as they are). */
export async function seedDemo(password: string): Promise<{ created: boolean }> {
  const created = !(await findTenant(demoProvinces[0].tenantId));
  for (const province of demoProvinces) await createTenant(system, province).catch(ignoreExisting);
  for (const account of demoAccounts) await createAccount({ ...account, password }).catch(ignoreExisting);
  return { created };
}
