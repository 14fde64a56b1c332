import type { Actor } from "../actor.ts";
import { itemRead, readTogether } from "../db/read.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { commit, putVersioned } from "../db/write.ts";
import { conflict, parseInput } from "../error.ts";
import { defaultRules, type RuleOverride, type RuleSet, resolveRules, UpdateRulesInput } from "./rule-set.rules.ts";

export * from "./rule-set.rules.ts";

/** The level of the province's own override; a bloc's is its id (bloc ids never take this one). */
export const PROVINCE_LEVEL = "province";

export interface RulesView {
  /** The rules in force at this level. */
  rules: RuleSet;
  /** What this level changes; empty when it changes nothing. */
  override: RuleOverride;
  /** 0 until an override is stored. */
  version: number;
}

/** One level's stored override: the province's (`scope` "province") or one bloc's (`scope` = blocId). */
export async function readOverride({ db }: ProvinceScope, scope: string) {
  return overrideOf((await db.ruleOverride.get({ scope }).go()).data ?? undefined);
}

/** A stored override as read (with other items, say), or the empty one. */
export const overrideOf = (item: { rules?: unknown; version: number } | undefined) =>
  item ? { override: item.rules as RuleOverride, version: item.version } : { override: {}, version: 0 };

/** The province's override and one bloc's, in one request (they share a partition). */
export async function readOverrides(scope: ProvinceScope, blocId: string) {
  const [province, bloc] = await readTogether([
    itemRead(scope.db.ruleOverride, { scope: PROVINCE_LEVEL }),
    itemRead(scope.db.ruleOverride, { scope: blocId }),
  ] as const);
  return { province: overrideOf(province), bloc: overrideOf(bloc) };
}

/** The rules in force in the scope's province, or for one of its blocs when `blocId` is given. */
export async function effectiveRules(scope: ProvinceScope, blocId?: string): Promise<RuleSet> {
  if (!blocId) return resolveRules(defaultRules, (await readOverride(scope, PROVINCE_LEVEL)).override);
  const { province, bloc } = await readOverrides(scope, blocId);
  return resolveRules(defaultRules, province.override, bloc.override);
}

/** The province's rules: the defaults with its overrides. */
export async function getProvinceRules(actor: Actor): Promise<RulesView> {
  const own = await readOverride(provinceScope(actor, provinceReaders), PROVINCE_LEVEL);
  return { rules: resolveRules(defaultRules, own.override), ...own };
}

/** Replaces the province's overrides; a stale version answers 409. */
export async function updateProvinceRules(actor: Actor, input: unknown): Promise<RulesView> {
  await replaceOverride(provinceScope(actor, boardOnly), PROVINCE_LEVEL, input);
  return getProvinceRules(actor);
}

/** Replaces the override of one level (province or bloc); a stale version answers 409. */
export async function replaceOverride(scope: ProvinceScope, level: string, input: unknown) {
  const { rules: override, version } = parseInput(UpdateRulesInput, input);
  const before = await readOverride(scope, level);
  const stale = () => conflict("rules.stale", "The rules were changed by someone else");
  if (before.version !== version) throw stale();
  const now = new Date().toISOString();
  const item = { scope: level, rules: override, updatedAt: now, updatedBy: scope.actor.userId, version: version + 1 };
  await commit(scope, [
    putVersioned("ruleOverride", item, version, {
      conflict: stale,
      audit: { action: "update", entity: "rules", entityId: level, before: before.override, after: override },
    }),
  ]);
}
