import type { Actor } from "../actor.ts";
import { assertBlocActive, criteriaVersionMoved, getBloc } from "../bloc/bloc.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { commit, createItem } from "../db/write.ts";
import { conflict, invalid, notFound, parseInput } from "../error.ts";
import { effectiveRules } from "../rules/index.ts";
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
  // The scale is read beside the bloc and shown only once the bloc is found visible.
  const [bloc, scale] = await Promise.all([getBloc(actor, blocId), scaleOf(scope, blocId)]);
  const current = bloc.criteriaVersion > 0 ? await readVersion(scope, blocId, bloc.criteriaVersion) : undefined;
  return { version: current?.version ?? 0, table: current?.table ?? null, scale };
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
