import { setTimeout as sleep } from "node:timers/promises";
import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { getBloc } from "../bloc/index.ts";
import { assertCommitted, tenantDb } from "../db/index.ts";
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
export { sampleCriteriaTable } from "./sample.ts";

const readers = ["board", "council", "unit"] as const;

const stale = () => conflict("criteria.stale", "The criteria table was changed by someone else");

async function scaleOf(tenantId: string, blocId: string): Promise<CriteriaScale> {
  const { scale } = await effectiveRules(tenantId, blocId);
  return { total: scale.total, bonusMax: scale.bonusMax };
}

async function readVersion(tenantId: string, blocId: string, version: number): Promise<CriteriaVersion | undefined> {
  const { data } = await tenantDb(tenantId).entities.criteria.get({ tenantId, blocId, version }).go();
  if (!data) return undefined;
  return {
    version: data.version,
    table: data.table as CriteriaTable,
    createdAt: data.createdAt,
    createdBy: data.createdBy,
  };
}

/** The bloc's current table and the scale it must fit; version 0 and a null table until one is saved. */
export async function getCriteria(actor: Actor, blocId: string): Promise<CriteriaView> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  const bloc = await getBloc(actor, blocId);
  const [current, scale] = await Promise.all([
    bloc.criteriaVersion > 0 ? readVersion(tenantId, blocId, bloc.criteriaVersion) : undefined,
    scaleOf(tenantId, blocId),
  ]);
  return { version: current?.version ?? 0, table: current?.table ?? null, scale };
}

/** One saved version of the bloc's table, e.g. the one a bloc-year opened with. */
export async function getCriteriaVersion(actor: Actor, blocId: string, version: number): Promise<CriteriaVersion> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  await getBloc(actor, blocId);
  const found = await readVersion(tenantId, blocId, version);
  if (!found) throw notFound("criteria.not_found");
  return found;
}

/** Attempts of one save when DynamoDB reports a transaction in progress on the same items. */
const CONFLICT_ATTEMPTS = 4;

/**
 * Saves a new version of the bloc's table. It must fit the bloc's scale, and
 * `baseVersion` must be the bloc's current version: of concurrent saves from
 * the same base exactly one wins, the others answer 409.
 */
export async function saveCriteria(actor: Actor, blocId: string, input: unknown): Promise<CriteriaView> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const { table, baseVersion } = parseInput(SaveCriteriaInput, input);
  const bloc = await getBloc(actor, blocId);
  if (bloc.criteriaVersion !== baseVersion) throw stale();
  const scale = await scaleOf(tenantId, blocId);
  const problems = criteriaProblems(table, scale);
  if (problems.length)
    throw invalid(
      "criteria.invalid",
      `The criteria must add up to ${scale.total} points, with bonus items up to ${scale.bonusMax}`,
      problems.map((p) => ({ path: `table.${p.path}`, message: p.message })),
    );
  const before = baseVersion > 0 ? ((await readVersion(tenantId, blocId, baseVersion))?.table ?? null) : null;
  const version = baseVersion + 1;
  for (let attempt = 1; ; attempt++) {
    const now = new Date().toISOString();
    const result = await tenantDb(tenantId)
      .transaction.write(({ criteria, bloc: blocs, audit }) => [
        criteria.create({ tenantId, blocId, version, table, createdAt: now, createdBy: actor.userId }).commit(),
        blocs
          .patch({ tenantId, blocId })
          .set({ criteriaVersion: version })
          .where((attr, op) => op.eq(attr.criteriaVersion, baseVersion))
          .commit(),
        audit
          .create(
            auditItem(
              actor,
              {
                action: baseVersion > 0 ? "update" : "create",
                entity: "criteria",
                entityId: blocId,
                before,
                after: table,
              },
              now,
            ),
          )
          .commit(),
      ])
      .go();
    // Another save holds the same items: try again, and meet its outcome as a failed condition.
    const busy = result.canceled && result.data.some((r) => r.code === "TransactionConflict");
    if (busy && !result.data.some((r) => r.code === "ConditionalCheckFailed") && attempt < CONFLICT_ATTEMPTS) {
      await sleep(20 * attempt + Math.random() * 30);
      continue;
    }
    if (busy) throw stale();
    assertCommitted(result, stale);
    return { version, table, scale };
  }
}
