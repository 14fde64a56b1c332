import { conflict } from "../error.ts";
import { jsonLogger } from "../log.ts";
import type { Directory, DirectoryUser } from "./directory.ts";

/** Someone's role and status: what nobody may change for themselves. */
interface Standing {
  userId: string;
  email: string;
  role: string;
  status: "active" | "deactivated";
}

export const selfChange = () => conflict("account.self_change", "You cannot change your own role or status");

/** Whether an edit changes a person's role or status. */
export const changesStanding = (before: Standing, changes: { role?: string; status?: string }) =>
  (changes.role !== undefined && changes.role !== before.role) ||
  (changes.status !== undefined && changes.status !== before.status);

/**
 * Writes an account edit in step with the identity provider, which no transaction spans. A deactivation
 * disables the identity first (undone if the write then fails), so the records never say "deactivated"
 * while sign-in still works; after the write, the identity takes the new claims and status. Both calls
 * are safe to repeat, so the next edit mends one that failed half-way.
 */
export async function inDirectoryOrder<A extends Standing & Omit<DirectoryUser, "role" | "tenantId">>(
  directory: Directory,
  before: A,
  after: A & { role: DirectoryUser["role"] },
  write: () => Promise<void>,
  claims: { tenantId?: string } = {},
) {
  const key = { email: before.email, userId: before.userId };
  const deactivating = before.status === "active" && after.status === "deactivated";
  if (deactivating) await directory.setEnabled(key, false);
  try {
    await write();
  } catch (error) {
    if (deactivating)
      await directory.setEnabled(key, true).catch((undo: unknown) => {
        jsonLogger({ level: "error", msg: "deactivation not undone", userId: key.userId, error: String(undo) });
      });
    throw error;
  }
  await directory.update({ ...after, ...claims, ...key });
  if (!deactivating) await directory.setEnabled(key, after.status === "active");
}
