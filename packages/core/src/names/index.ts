import { type Change, createItem, deleteItem } from "../db/write.ts";
import type { AppError } from "../error.ts";
import { foldVietnamese } from "../text/index.ts";
import type { claimedKinds } from "./name-claim.entity.ts";

/*
 * Unique names within a province. A claim item per name settles races between saves; a read of the
 * existing names also covers what no claim holds (award types built into every province, data saved
 * before names were claimed).
 */

export type ClaimedKind = (typeof claimedKinds)[number];

/** A name as users compare names: case, diacritics and spacing aside ("Sở Nội vụ" is "so noi vu"). */
export const nameKey = (name: string) => foldVietnamese(name);

/** Refuses a name another holder than `holderId` has among `existing` (a clear message before the claim). */
export function refuseTakenName(
  existing: readonly { id: string; name: string }[],
  name: string,
  holderId: string | undefined,
  taken: () => AppError,
): void {
  if (existing.some((e) => e.id !== holderId && nameKey(e.name) === nameKey(name))) throw taken();
}

/** Claims a name for its holder; `taken` answers when another holds it. */
export const nameClaimed = (kind: ClaimedKind, name: string, holderId: string, taken: () => AppError): Change =>
  createItem("nameClaim", { kind, nameKey: nameKey(name), holderId }, { conflict: taken });

/** Frees the name a holder has (nothing to free if no claim exists; another's claim answers `stale`). */
export const nameFreed = (kind: ClaimedKind, name: string, holderId: string, stale: () => AppError): Change =>
  deleteItem(
    "nameClaim",
    { kind, nameKey: nameKey(name) },
    { where: (attr, op) => `${op.notExists(attr.holderId)} OR ${op.eq(attr.holderId, holderId)}`, conflict: stale },
  );

/**
 * The changes of a rename: the new name claimed, the old one freed. None when the names compare equal
 * (a change of case or accents keeps the claim).
 */
export function renamed(
  kind: ClaimedKind,
  holderId: string,
  names: { before: string; after: string },
  outcome: { taken: () => AppError; stale: () => AppError },
): Change[] {
  if (nameKey(names.before) === nameKey(names.after)) return [];
  return [
    nameClaimed(kind, names.after, holderId, outcome.taken),
    nameFreed(kind, names.before, holderId, outcome.stale),
  ];
}
