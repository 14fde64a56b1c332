import type { Actor } from "../actor.ts";
import { awardTypesOf } from "../award/index.ts";
import {
  assertBlocActive,
  assertMemberChangeSize,
  blocSeenBy,
  blocYearSaved,
  emptyBlocYear,
  memberJoined,
  unitActive,
} from "../bloc/index.ts";
import type { ProvinceItem } from "../db/province.ts";
import { itemRead, readTogether } from "../db/read.ts";
import { boardOnly, type ProvinceScope, provinceScope } from "../db/scope.ts";
import { commit } from "../db/write.ts";
import { conflict } from "../error.ts";
import { type QuotaSetting, quotaSaved } from "../quota/index.ts";
import { carriedMembers, carriedQuotas, type RolloverPreview } from "./rollover.rules.ts";

export * from "./rollover.rules.ts";

/*
 * "Chuẩn bị năm mới": a bloc's next year prepared from the one before. Members carry over (not those
 * archived or already in another bloc that year), and so do quotas; the criteria table is the bloc's own
 * and goes on by itself. Seats do not: the leader rotates, and is chosen again.
 */

const prepared = (year: number) =>
  conflict("bloc_year.already_prepared", `${year} has been saved already: edit it instead of preparing it`);

async function plan(scope: ProvinceScope, blocId: string, year: number): Promise<RolloverPreview> {
  const { db } = scope;
  // The bloc, both years and the quotas to carry in one read, beside the award types (an archived one is
  // not carried); then only what the year before's members need: each one's unit (archived ones are not
  // carried) and its membership this year (one already in another bloc is not), in one more read.
  const [[bloc, target, previous, quotas], types] = await Promise.all([
    readTogether([
      itemRead(db.bloc, { blocId }),
      itemRead(db.blocYear, { blocId, year }),
      itemRead(db.blocYear, { blocId, year: year - 1 }),
      itemRead(db.quota, { blocId, year: year - 1 }),
    ] as const),
    awardTypesOf(scope),
  ]);
  assertBlocActive(await blocSeenBy(scope, bloc));
  if (target) throw prepared(year);
  if (!previous)
    throw conflict("bloc_year.nothing_to_copy", `Nothing was saved for ${year - 1} to prepare ${year} from`);
  const ids = previous.memberUnitIds;
  const found = await readTogether([
    ...ids.map((unitId) => itemRead(db.unit, { unitId })),
    ...ids.map((unitId) => itemRead(db.membership, { year, unitId })),
  ]);
  const units = found.slice(0, ids.length) as (ProvinceItem<"unit"> | undefined)[];
  const memberships = found.slice(ids.length) as (ProvinceItem<"membership"> | undefined)[];
  const carried = carriedMembers(ids, {
    known: new Set(units.flatMap((u) => (u ? [u.unitId] : []))),
    archived: new Set(units.flatMap((u) => (u?.archivedAt ? [u.unitId] : []))),
    elsewhere: new Set(memberships.flatMap((m) => (m && m.blocId !== blocId ? [m.unitId] : []))),
  });
  return {
    from: year - 1,
    year,
    ...carried,
    quotas: carriedQuotas(
      (quotas?.items as QuotaSetting[] | undefined) ?? [],
      carried.memberUnitIds.length,
      new Set(types.filter((t) => t.active).map((t) => t.awardTypeId)),
    ),
    ...(previous.leaderUnitId ? { previousLeaderUnitId: previous.leaderUnitId } : {}),
  };
}

/** What preparing `year` from the year before would write. */
export const previewRollover = (actor: Actor, blocId: string, year: number) =>
  plan(provinceScope(actor, boardOnly), blocId, year);

/**
 * Prepares `year` from the year before, as previewed: the year (planning, its members), each member's
 * marker with a check that the unit is still active, and the quotas, with their audit records, in one
 * transaction. A year saved meanwhile answers 409.
 */
export async function rollover(actor: Actor, blocId: string, year: number) {
  const scope = provinceScope(actor, boardOnly);
  const [preview, { data: stored }] = await Promise.all([
    plan(scope, blocId, year),
    // Quotas may have been set for the year before anything else was: they are replaced, versioned.
    scope.db.quota.get({ blocId, year }).go(),
  ]);
  assertMemberChangeSize(preview.memberUnitIds.length, 0);
  const now = new Date().toISOString();
  const before = emptyBlocYear(blocId, year);
  const after = { ...before, memberUnitIds: preview.memberUnitIds, version: 1 };
  const inOtherBloc = (unitId: string) => () =>
    conflict("bloc.unit_in_other_bloc", `${unitId} joined another bloc in ${year} meanwhile`);
  const archived = (unitId: string) => () => conflict("unit.archived", `${unitId} was archived meanwhile`);
  await commit(scope, [
    blocYearSaved(before, { ...after, updatedAt: now }, () => prepared(year)),
    ...preview.memberUnitIds.flatMap((unitId) => [
      memberJoined(year, unitId, blocId, inOtherBloc(unitId)),
      unitActive(unitId, archived(unitId)),
    ]),
    ...(preview.quotas.length
      ? await quotaSaved(scope, {
          blocId,
          year,
          items: preview.quotas,
          before: { items: (stored?.items as QuotaSetting[] | undefined) ?? [], version: stored?.version ?? 0 },
          memberCount: preview.memberUnitIds.length,
          activeIds: preview.quotas.map((q) => q.awardTypeId),
        })
      : []),
  ]);
  return after;
}
