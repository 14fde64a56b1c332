import type { Actor } from "../actor.ts";
import { assertBlocActive, blocSeenBy, criteriaVersionMoved, getBloc } from "../bloc/bloc.ts";
import { itemRead, readTogether } from "../db/read.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { commit, createItem } from "../db/write.ts";
import { conflict, invalid, notFound, parseInput } from "../error.ts";
import { defaultRules, effectiveRules, overrideOf, PROVINCE_LEVEL, resolveRules } from "../rules/index.ts";
import {
  type CriteriaScale,
  type CriteriaTable,
  type CriteriaVersion,
  type CriteriaView,
  criteriaProblems,
  SaveCriteriaInput,
} from "./criteria.rules.ts";

export * from "./criteria.rules.ts";
export { sampleCriteriaTable } from "./template.rules.ts";

const stale = () => conflict("criteria.stale", "The criteria table was changed by someone else");

async function scaleOf(scope: ProvinceScope, blocId: string): Promise<CriteriaScale> {
  const { scale } = await effectiveRules(scope, blocId);
  return { total: scale.total, bonusMax: scale.bonusMax };
}

async function readVersion({ db }: ProvinceScope, blocId: string, version: number) {
  const { data } = await db.criteria.get({ blocId, version }).go();
  if (!data) return undefined;
  const { blocId: _b, ...saved } = data;
  return { ...saved, table: saved.table as CriteriaTable } satisfies CriteriaVersion;
}

/** The bloc's current table and the scale it must fit; version 0 and a null table until one is saved. */
export async function getCriteria(actor: Actor, blocId: string): Promise<CriteriaView> {
  const scope = provinceScope(actor, provinceReaders);
  // The bloc and the two rule overrides that make its scale in one read; then, side by side, whether the
  // caller may see the bloc and its current table (shown only once the bloc is found visible).
  const [found, province, own] = await readTogether([
    itemRead(scope.db.bloc, { blocId }),
    itemRead(scope.db.ruleOverride, { scope: PROVINCE_LEVEL }),
    itemRead(scope.db.ruleOverride, { scope: blocId }),
  ] as const);
  const [, current] = await Promise.all([
    blocSeenBy(scope, found),
    found && found.criteriaVersion > 0 ? readVersion(scope, blocId, found.criteriaVersion) : undefined,
  ]);
  const { scale } = resolveRules(defaultRules, overrideOf(province).override, overrideOf(own).override);
  return {
    version: current?.version ?? 0,
    table: current?.table ?? null,
    scale: { total: scale.total, bonusMax: scale.bonusMax },
  };
}

/** One saved version of the bloc's table, e.g. the one a bloc-year opened with. */
export async function getCriteriaVersion(actor: Actor, blocId: string, version: number): Promise<CriteriaVersion> {
  const scope = provinceScope(actor, provinceReaders);
  await getBloc(actor, blocId);
  const found = await readVersion(scope, blocId, version);
  if (!found) throw notFound("criteria.not_found");
  return found;
}

/**
 * Saves a new version of the bloc's table. It must fit the bloc's scale, and
 * `baseVersion` must be the bloc's current version: of concurrent saves from
 * the same base exactly one wins, the others answer 409.
 */
export async function saveCriteria(actor: Actor, blocId: string, input: unknown): Promise<CriteriaView> {
  const scope = provinceScope(actor, boardOnly);
  const { table, baseVersion } = parseInput(SaveCriteriaInput, input);
  const bloc = await getBloc(actor, blocId);
  assertBlocActive(bloc);
  if (bloc.criteriaVersion !== baseVersion) throw stale();
  const scale = await scaleOf(scope, blocId);
  const problems = criteriaProblems(table, scale);
  if (problems.length)
    throw invalid(
      "criteria.invalid",
      `The criteria must add up to ${scale.total} points, with bonus items up to ${scale.bonusMax}`,
      problems.map((p) => ({ path: `table.${p.path}`, message: p.message })),
    );
  const before = baseVersion > 0 ? ((await readVersion(scope, blocId, baseVersion))?.table ?? null) : null;
  const version = baseVersion + 1;
  const saved = { blocId, version, table, createdAt: new Date().toISOString(), createdBy: actor.userId };
  await commit(scope, [
    createItem("criteria", saved, {
      conflict: stale,
      audit: {
        action: baseVersion > 0 ? "update" : "create",
        entity: "criteria",
        entityId: blocId,
        before,
        after: table,
      },
    }),
    criteriaVersionMoved(blocId, baseVersion, version, stale),
  ]);
  return { version, table, scale };
}
