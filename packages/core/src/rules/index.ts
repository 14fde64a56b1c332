import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { assertCommitted, tenantDb } from "../db/index.ts";
import { conflict, parseInput } from "../error.ts";
import { defaultRules, type RuleOverride, type RuleSet, resolveRules, UpdateRulesInput } from "./rules.rules.ts";

export * from "./rules.rules.ts";

export const PROVINCE_SCOPE = "province";

export interface RulesView {
  /** The rules in force at this level. */
  rules: RuleSet;
  /** What this level changes; empty when it changes nothing. */
  override: RuleOverride;
  /** 0 until an override is stored. */
  version: number;
}

async function readOverride(tenantId: string, scope: string) {
  const { data } = await tenantDb(tenantId).entities.ruleOverride.get({ tenantId, scope }).go();
  return data ? { override: data.rules as RuleOverride, version: data.version } : { override: {}, version: 0 };
}

/** The rules in force for the province, or for one bloc when `blocId` is given. */
export async function effectiveRules(tenantId: string, blocId?: string): Promise<RuleSet> {
  const province = await readOverride(tenantId, PROVINCE_SCOPE);
  const bloc = blocId ? await readOverride(tenantId, blocId) : undefined;
  return resolveRules(defaultRules, province.override, bloc?.override);
}

export async function getRules(actor: Actor, scope: string = PROVINCE_SCOPE): Promise<RulesView> {
  assertRole(actor, ["board", "council", "unit"]);
  const tenantId = requireTenant(actor);
  const own = await readOverride(tenantId, scope);
  const rules =
    scope === PROVINCE_SCOPE ? resolveRules(defaultRules, own.override) : await effectiveRules(tenantId, scope);
  return { rules, ...own };
}

/** Replaces the override of one level (province or bloc); a stale version answers 409. */
export async function updateRules(actor: Actor, scope: string, input: unknown): Promise<RulesView> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const { rules: override, version } = parseInput(UpdateRulesInput, input);
  const before = await readOverride(tenantId, scope);
  const stale = () => conflict("rules.stale", "The rules were changed by someone else");
  if (before.version !== version) throw stale();
  const now = new Date().toISOString();
  const item = { tenantId, scope, rules: override, updatedAt: now, updatedBy: actor.userId, version: version + 1 };
  const result = await tenantDb(tenantId)
    .transaction.write(({ ruleOverride, audit }) => [
      ruleOverride
        .put(item)
        .where((attr, op) => (version === 0 ? op.notExists(attr.version) : op.eq(attr.version, version)))
        .commit(),
      audit
        .create(
          auditItem(
            actor,
            { action: "update", entity: "rules", entityId: scope, before: before.override, after: override },
            now,
          ),
        )
        .commit(),
    ])
    .go();
  assertCommitted(result, stale);
  return getRules(actor, scope);
}
