import {
  type Directory,
  type Invitation,
  inviteAccount,
  invitePlatformAccount,
  noteSignIn,
} from "@thidua/core/account";
import type { Actor } from "@thidua/core/actor";
import { clearProvinceLocally, markSeedBegun, markSeedDone, readSeedJournal } from "@thidua/core/db/seed-journal";
import { saveLetterhead, suggestedLetterhead } from "@thidua/core/document";
import { AppError } from "@thidua/core/error";
import { usePasswordLink } from "@thidua/core/identity";
import { createTenant, listTenants } from "@thidua/core/tenant";
import { boardOf, seedProvinceBlocs } from "./blocs.ts";
import { demoBlocs } from "./demo-blocs.ts";
import { type DemoAccount, demoAccounts } from "./demo-data.ts";
import { type DemoProvince, demoProvinces, generatedBlocs, reportedProvinces } from "./provinces.ts";

export { demoAccounts } from "./demo-data.ts";
export { demoProvinces } from "./provinces.ts";

// The seed acts as the platform itself, with the operator's rights.
const system: Actor = { userId: "system", email: "system@thidua.local", name: "Hệ thống", role: "operator" };

const ignoreExisting = (error: unknown) => {
  if (error instanceof AppError && error.kind === "conflict") return;
  throw error;
};

export interface SeedProgress {
  /** Demo provinces ready, this run's and earlier ones'. */
  done: number;
  total: number;
  /** The province just finished. */
  name: string;
}

/** Provinces seeded side by side: enough to keep DynamoDB Local busy, few enough to show steady progress. */
const LANES = 4;

/**
 * Seeds the demo provinces with their blocs, years and accounts, and the platform's own accounts. Safe to
 * run again and resumable: a province finished earlier is left as it is, and so is one the seed did not
 * create (an operator's, or an older seed's); one an interrupted run left half-made is cleared and seeded
 * again (the journal in the table says which). Province accounts are invited by the board and accept
 * their invitation with the demo password, as people do; the operator and the national viewer are
 * invited by the platform itself.
 */
export async function seedDemo(
  password: string,
  directory: Directory,
  {
    provinces = demoProvinces,
    onProgress,
  }: { provinces?: readonly DemoProvince[]; onProgress?: (progress: SeedProgress) => void } = {},
): Promise<{ seeded: number }> {
  const journal = await readSeedJournal();
  const existing = new Set((await listTenants(system)).map((t) => t.tenantId));
  const todo = provinces.filter(
    ({ tenantId }) => !journal.done.has(tenantId) && (journal.begun.has(tenantId) || !existing.has(tenantId)),
  );
  let done = provinces.length - todo.length;
  await inLanes(todo, async (province) => {
    await seedProvince(province, { exists: existing.has(province.tenantId), password, directory });
    onProgress?.({ done: ++done, total: provinces.length, name: province.name });
  });
  for (const account of demoAccounts.filter((a) => !a.tenantId)) {
    const invited = await invitePlatformAccount(system, account, directory).catch(ignoreExisting);
    if (invited) await accept(invited.invitation, account, password);
  }
  return { seeded: todo.length };
}

/** One province from scratch (cleared first if an earlier run left it half-made), then marked done. */
async function seedProvince(
  province: DemoProvince,
  { exists, password, directory }: { exists: boolean; password: string; directory: Directory },
) {
  const { tenantId } = province;
  await markSeedBegun(tenantId);
  if (exists) await clearProvinceLocally(tenantId);
  else await createTenant(system, province);
  // Every document the province issues carries its letterhead: the demo's boards have set theirs.
  const registryName = province.city ? `Thành phố ${province.name}` : `Tỉnh ${province.name}`;
  await saveLetterhead(boardOf(tenantId), { letterhead: suggestedLetterhead(registryName), version: 0 });
  const followed = await seedProvinceBlocs(blocsOf(province));
  for (const { tenantId: _, ...account } of demoAccounts.filter((a) => a.tenantId === tenantId)) {
    const blocIds = account.role === "council" ? followed : undefined;
    const { invitation } = await inviteAccount(boardOf(tenantId), { ...account, blocIds }, directory);
    await accept(invitation, account, password);
  }
  await markSeedDone(tenantId);
}

/** The source reports' blocs for their provinces; generated ones for the others, each its own mix. */
function blocsOf(province: DemoProvince) {
  if (reportedProvinces.has(province.tenantId)) return demoBlocs.filter((b) => b.tenantId === province.tenantId);
  const generated = demoProvinces.filter((p) => !reportedProvinces.has(p.tenantId));
  return generatedBlocs(province, generated.indexOf(province), new Date().getFullYear());
}

/** Accepted and signed in once, as a person does: the people pages show them as joined. */
async function accept(invitation: Invitation, account: DemoAccount, password: string) {
  const token = invitation.link?.split("#")[1];
  if (!token) throw new Error(`The demo invitation of ${account.email} has no link`);
  await noteSignIn(await usePasswordLink({ token, password }, "invitation"));
}

/**
 * Runs `work` on every item, `LANES` at a time. After a failure no further item starts; the ones under way
 * end before the failure is thrown, so nothing goes on writing behind the caller's back.
 */
async function inLanes<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  const queue = [...items];
  let failed = false;
  const lanes = await Promise.allSettled(
    Array.from({ length: LANES }, async () => {
      for (let item = queue.shift(); item !== undefined && !failed; item = queue.shift())
        await work(item).catch((error: unknown) => {
          failed = true;
          throw error;
        });
    }),
  );
  const failure = lanes.find((lane) => lane.status === "rejected");
  if (failure) throw failure.reason;
}
