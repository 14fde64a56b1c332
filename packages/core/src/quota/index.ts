import type { Actor } from "../actor.ts";
import { awardTypesOf, GOVERNMENT_FLAG } from "../award/index.ts";
import { blocActive, blocSeenBy, blocsOf } from "../bloc/bloc.ts";
import { getBlocYear } from "../bloc/bloc-year.ts";
import type { ProvinceItem } from "../db/province.ts";
import { itemRead, readTogether } from "../db/read.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, checkItem, commit, putVersioned } from "../db/write.ts";
import { conflict, invalid, parseInput } from "../error.ts";
import { defaultRules, overrideOf, PROVINCE_LEVEL, resolveRules } from "../rules/index.ts";
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

/** A bloc-year's stored quota settings (the others take their default). */
export async function readStored({ db }: ProvinceScope, blocId: string, year: number) {
  return storedOf((await db.quota.get({ blocId, year }).go()).data ?? undefined);
}
const storedOf = (data: { items: unknown; version: number } | undefined) =>
  data ? { items: data.items as QuotaSetting[], version: data.version } : { items: [], version: 0 };

const activeIds = async (scope: ProvinceScope) =>
  (await awardTypesOf(scope)).filter((t) => t.active).map((t) => t.awardTypeId);

/** A bloc's quotas for a year, one line per active award type, resolved against the year's member count. */
export async function getQuotas(actor: Actor, blocId: string, year: number): Promise<BlocQuotas> {
  const scope = provinceScope(actor, provinceReaders);
  // The bloc, its year and the year's quotas in one read, beside the award types; then whether the caller
  // may see the bloc.
  const [[bloc, blocYear, quota], ids] = await Promise.all([
    readTogether([
      itemRead(scope.db.bloc, { blocId }),
      itemRead(scope.db.blocYear, { blocId, year }),
      itemRead(scope.db.quota, { blocId, year }),
    ] as const),
    activeIds(scope),
  ]);
  await blocSeenBy(scope, bloc);
  const stored = storedOf(quota);
  const memberCount = blocYear?.memberUnitIds.length ?? 0;
  return { items: quotaLines(ids, stored.items, memberCount), memberCount, version: stored.version };
}

/**
 * Sets a bloc's quotas for a year, as `quotaSaved` checks and writes them, for the year's members as read
 * (a change of members meanwhile answers 409).
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
  const memberCount = blocYear.memberUnitIds.length;
  const changes = await quotaSaved(scope, { blocId, year, items, before, memberCount, activeIds: ids });
  const membersAsRead = checkItem(
    "blocYear",
    { blocId, year },
    (attr, op) => (blocYear.version === 0 ? op.notExists(attr.version) : op.eq(attr.version, blocYear.version)),
    () => conflict("bloc_year.stale", "The year's members changed meanwhile: check the quotas again"),
  );
  await commit(scope, [...changes, membersAsRead]);
  return { items: quotaLines(ids, items, memberCount), memberCount, version: version + 1 };
}

/**
 * The changes that save a bloc's quotas for a year, once checked: every award type active, no count above
 * the `memberCount` members (400), the province no further over its government-flag cap (409, naming the
 * cap). With the quota item and its audit record go a check that the bloc is not archived and the move of
 * the year's quota revision, so concurrent saves are checked against each other.
 */
export async function quotaSaved(
  scope: ProvinceScope,
  save: {
    blocId: string;
    year: number;
    items: QuotaSetting[];
    before: { items: QuotaSetting[]; version: number };
    memberCount: number;
    activeIds: readonly string[];
  },
): Promise<Change[]> {
  const { blocId, year, items, before, memberCount } = save;
  const problems = quotaProblems(items, new Set(save.activeIds));
  if (problems.length) throw invalid("quota.invalid", "Some quotas name award types that do not exist", problems);
  const tooMany = countsOverMembers(items, memberCount);
  if (tooMany.length)
    throw invalid("quota.over_members", `A count cannot exceed the bloc's ${memberCount} members`, tooMany);
  const revision = await assertWithinCap(scope, { blocId, year, items, activeIds: save.activeIds });
  const saved = { blocId, year, items, updatedAt: new Date().toISOString(), version: before.version + 1 };
  return [
    putVersioned("quota", saved, before.version, {
      conflict: stale,
      audit: {
        action: before.version === 0 ? "create" : "update",
        entity: "quota",
        entityId: `${blocId}/${year}`,
        before: before.items,
        after: items,
      },
    }),
    blocActive(blocId),
    revision,
  ];
}

/**
 * Every bloc of the province with its members and stored quotas for the year, and the province's rules:
 * a query of the blocs, then one batch of every bloc's year and quotas with the rules.
 */
async function provinceFacts(scope: ProvinceScope, year: number) {
  const { db } = scope;
  const blocs = await blocsOf(scope);
  const keys = blocs.map((b) => ({ blocId: b.blocId, year }));
  // Every bloc's year and quotas, and the province's rules, in one batch (a request per 100 keys).
  const [override, ...found] = await readTogether([
    itemRead(db.ruleOverride, { scope: PROVINCE_LEVEL }),
    ...keys.map((key) => itemRead(db.blocYear, key)),
    ...keys.map((key) => itemRead(db.quota, key)),
  ]);
  // The answers come in the order asked: the rules, the years, then the quotas.
  const years = found.slice(0, keys.length) as (ProvinceItem<"blocYear"> | undefined)[];
  const quotas = found.slice(keys.length) as (ProvinceItem<"quota"> | undefined)[];
  const facts = blocs
    .map((b, i) => ({
      blocId: b.blocId,
      name: b.name,
      memberCount: years[i]?.memberUnitIds.length ?? 0,
      stored: (quotas[i]?.items as QuotaSetting[] | undefined) ?? [],
    }))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const rules = resolveRules(defaultRules, overrideOf(override as ProvinceItem<"ruleOverride"> | undefined).override);
  return { facts, rules };
}

/**
 * Refuses quotas that take the province further over its government-flag cap. Answers the change that
 * moves the year's quota revision from the one read before the province's quotas were: a save that
 * committed in between makes this one answer 409, to be checked again.
 */
async function assertWithinCap(
  scope: ProvinceScope,
  save: { blocId: string; year: number; items: readonly QuotaSetting[]; activeIds: readonly string[] },
): Promise<Change> {
  const { blocId, year, items } = save;
  const { data: revision } = await scope.db.quotaRevision.get({ year }).go({ consistent: true });
  const read = revision?.version ?? 0;
  const { facts, rules } = await provinceFacts(scope, year);
  const share = rules.caps.governmentFlagShareOfProvincialFlags;
  const before = summarizeQuotas(facts, save.activeIds, share);
  const after = summarizeQuotas(
    facts.map((f) => (f.blocId === blocId ? { ...f, stored: items } : f)),
    save.activeIds,
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
  return putVersioned("quotaRevision", { year, version: read + 1 }, read, {
    conflict: () => conflict("quota.stale", "Quotas of this year changed meanwhile; check the cap again"),
  });
}

/**
 * The province's quotas for a year: per bloc, totals per award type, and the
 * government-flag cap from the province's rules, with a warning when the blocs'
 * government-flag quotas add up to more than the cap.
 *
 * One query lists the blocs (beside one of the award types); each bloc's year and quota item are then
 * read with the province's rules in one BatchGet, so a province of up to 49 blocs costs 3 requests,
 * not 100 gets.
 */
export async function getProvinceQuotas(actor: Actor, year: number): Promise<ProvinceQuotas> {
  const scope = provinceScope(actor, boardOnly);
  const [{ facts, rules }, ids] = await Promise.all([provinceFacts(scope, year), activeIds(scope)]);
  return summarizeQuotas(facts, ids, rules.caps.governmentFlagShareOfProvincialFlags);
}
