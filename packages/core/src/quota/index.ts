import type { Actor } from "../actor.ts";
import { awardTypesOf, GOVERNMENT_FLAG } from "../award/index.ts";
import { blocsOf } from "../bloc/bloc.ts";
import { getBlocYear, yearNotClosed } from "../bloc/bloc-year.ts";
import { getAll } from "../db/read.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, checkItem, commit, putVersioned } from "../db/write.ts";
import { conflict, invalid, parseInput } from "../error.ts";
import { effectiveRules } from "../rules/index.ts";
import { compareVietnamese } from "../text/index.ts";
import {
  type BlocQuotas,
  countsOverMembers,
  type ProvinceQuotas,
  type QuotaSetting,
  quotaLines,
  quotaProblems,
  SetQuotasInput,
  summarizeQuotas,
} from "./quota.rules.ts";

export * from "./quota.rules.ts";

const stale = () => conflict("quota.stale", "The quotas were changed by someone else");

async function readStored({ db }: ProvinceScope, blocId: string, year: number) {
  const { data } = await db.quota.get({ blocId, year }).go();
  return data ? { items: data.items as QuotaSetting[], version: data.version } : { items: [], version: 0 };
}

const activeIds = async (scope: ProvinceScope) =>
  (await awardTypesOf(scope)).filter((t) => t.active).map((t) => t.awardTypeId);

/** A bloc's quotas for a year, one line per active award type, resolved against the year's member count. */
export async function getQuotas(actor: Actor, blocId: string, year: number): Promise<BlocQuotas> {
  const scope = provinceScope(actor, provinceReaders);
  // getBlocYear checks that the caller may see the bloc; the other reads wait on it only to fail together.
  const [blocYear, ids, stored] = await Promise.all([
    getBlocYear(actor, blocId, year),
    activeIds(scope),
    readStored(scope, blocId, year),
  ]);
  const memberCount = blocYear.memberUnitIds.length;
  return { items: quotaLines(ids, stored.items, memberCount), memberCount, version: stored.version };
}

/**
 * Sets a bloc's quotas for a year. A count above the year's members is refused (400), and so is a save
 * that takes the province further over its government-flag cap (409, naming the cap). The write, its audit
 * record, a check that the year is still not closed and, when government flags are at stake, checks that
 * no other bloc's quotas moved meanwhile, commit in one transaction.
 */
export async function setQuotas(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocQuotas> {
  const scope = provinceScope(actor, boardOnly);
  const { items, version } = parseInput(SetQuotasInput, input);
  const [blocYear, ids, before] = await Promise.all([
    getBlocYear(actor, blocId, year),
    activeIds(scope),
    readStored(scope, blocId, year),
  ]);
  if (blocYear.status === "closed") throw conflict("bloc_year.closed", "This year is closed");
  if (before.version !== version) throw stale();
  const problems = quotaProblems(items, new Set(ids));
  if (problems.length) throw invalid("quota.invalid", "Some quotas name award types that do not exist", problems);
  const memberCount = blocYear.memberUnitIds.length;
  const tooMany = countsOverMembers(items, memberCount);
  if (tooMany.length)
    throw invalid("quota.over_members", `A count cannot exceed the bloc's ${memberCount} members`, tooMany);
  const others = await assertWithinCap(scope, year, blocId, items, ids);

  const saved = { blocId, year, items, updatedAt: new Date().toISOString(), version: version + 1 };
  await commit(scope, [
    putVersioned("quota", saved, version, {
      conflict: stale,
      audit: {
        action: version === 0 ? "create" : "update",
        entity: "quota",
        entityId: `${blocId}/${year}`,
        before: before.items,
        after: items,
      },
    }),
    // The year may close between the read and the write.
    yearNotClosed(blocId, year),
    ...others,
  ]);
  return { items: quotaLines(ids, items, memberCount), memberCount, version: version + 1 };
}

/** Every bloc of the province with its members and stored quotas for the year: 1 query and 2 batch reads. */
async function provinceFacts(scope: ProvinceScope, year: number) {
  const { db } = scope;
  const blocs = await blocsOf(scope);
  const keys = blocs.map((b) => ({ blocId: b.blocId, year }));
  const [years, quotas] = await Promise.all([
    getAll(keys, (k) => db.blocYear.get(k).go()),
    getAll(keys, (k) => db.quota.get(k).go()),
  ]);
  const members = new Map(years.map((y) => [y.blocId, y.memberUnitIds.length]));
  const stored = new Map(quotas.map((q) => [q.blocId, q]));
  return blocs
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((b) => ({
      blocId: b.blocId,
      name: b.name,
      memberCount: members.get(b.blocId) ?? 0,
      stored: (stored.get(b.blocId)?.items as QuotaSetting[] | undefined) ?? [],
      version: stored.get(b.blocId)?.version ?? 0,
    }));
}

/**
 * Refuses quotas that take the province further over its government-flag cap; answers the checks that
 * keep the other blocs' quotas as read until the write commits (none while no government flag is asked).
 */
async function assertWithinCap(
  scope: ProvinceScope,
  year: number,
  blocId: string,
  items: readonly QuotaSetting[],
  ids: readonly string[],
): Promise<Change[]> {
  const [facts, rules] = await Promise.all([provinceFacts(scope, year), effectiveRules(scope)]);
  const share = rules.caps.governmentFlagShareOfProvincialFlags;
  const before = summarizeQuotas(facts, ids, share);
  const after = summarizeQuotas(
    facts.map((f) => (f.blocId === blocId ? { ...f, stored: items } : f)),
    ids,
    share,
  );
  const excess = (q: typeof before) => (q.totals[GOVERNMENT_FLAG] ?? 0) - q.caps.governmentFlag.max;
  if (excess(after) > 0 && excess(after) > excess(before)) {
    const max = after.caps.governmentFlag.max;
    const i = items.findIndex((q) => q.awardTypeId === GOVERNMENT_FLAG);
    throw conflict(
      "quota.government_flag_over_cap",
      `${after.totals[GOVERNMENT_FLAG]} government flags would exceed the province's cap of ${max}`,
      [{ path: i >= 0 ? `items.${i}.value` : "items", message: "quota.government_flag_over_cap", limit: max }],
    );
  }
  if (!after.totals[GOVERNMENT_FLAG]) return [];
  const moved = () => conflict("quota.stale", "Another bloc's quotas changed meanwhile; check the cap again");
  return facts
    .filter((f) => f.blocId !== blocId)
    .map((f) =>
      checkItem(
        "quota",
        { blocId: f.blocId, year },
        (attr, op) => (f.version === 0 ? op.notExists(attr.version) : op.eq(attr.version, f.version)),
        moved,
      ),
    );
}

/**
 * The province's quotas for a year: per bloc, totals per award type, and the
 * government-flag cap from the province's rules, with a warning when the blocs'
 * government-flag quotas add up to more than the cap.
 *
 * One query lists the blocs; each bloc's year and quota item are then read with
 * one BatchGet per entity, so a province of up to 50 blocs costs 1 query and
 * 2 batch reads, not 100 gets.
 */
export async function getProvinceQuotas(actor: Actor, year: number): Promise<ProvinceQuotas> {
  const scope = provinceScope(actor, boardOnly);
  const [facts, ids, rules] = await Promise.all([provinceFacts(scope, year), activeIds(scope), effectiveRules(scope)]);
  return summarizeQuotas(facts, ids, rules.caps.governmentFlagShareOfProvincialFlags);
}
