import type { Actor } from "../actor.ts";
import { boardOnly, type ProvinceScope, provinceScope } from "../db/scope.ts";
import { commit, putVersioned } from "../db/write.ts";
import { conflict, parseInput } from "../error.ts";
import { ownTenant } from "../tenant/index.ts";
import {
  type Letterhead,
  type LetterheadSettings,
  SaveLetterheadInput,
  suggestedLetterhead,
} from "./letterhead.rules.ts";

/** The province's stored letterhead and its version (null and 0 until the board sets it). */
export async function readLetterhead({
  db,
}: ProvinceScope): Promise<{ letterhead: Letterhead | null; version: number }> {
  const { data } = await db.letterhead.get({}).go();
  return data ? { letterhead: data.letterhead as Letterhead, version: data.version } : { letterhead: null, version: 0 };
}

/**
 * The board's view of its letterhead; until one is saved, a suggestion derived from the province's name
 * to start from (never used for a document: a document waits for the board's own).
 */
export async function getLetterhead(actor: Actor): Promise<LetterheadSettings> {
  const scope = provinceScope(actor, boardOnly);
  const [stored, tenant] = await Promise.all([readLetterhead(scope), ownTenant(actor)]);
  return { ...stored, suggested: suggestedLetterhead(tenant?.name ?? scope.tenantId) };
}

/** Saves the province's letterhead (the board's); a stale version answers 409. */
export async function saveLetterhead(actor: Actor, input: unknown): Promise<LetterheadSettings> {
  const scope = provinceScope(actor, boardOnly);
  const { letterhead, version } = parseInput(SaveLetterheadInput, input);
  const before = await readLetterhead(scope);
  const stale = () => conflict("letterhead.stale", "The letterhead was changed by someone else");
  if (before.version !== version) throw stale();
  const item = {
    letterhead,
    updatedAt: new Date().toISOString(),
    updatedBy: actor.userId,
    version: version + 1,
  };
  await commit(scope, [
    putVersioned("letterhead", item, version, {
      conflict: stale,
      audit: {
        action: version === 0 ? "create" : "update",
        entity: "letterhead",
        entityId: "letterhead",
        before: before.letterhead ?? undefined,
        after: letterhead,
      },
    }),
  ]);
  return getLetterhead(actor);
}
