import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { assertCommitted, rejectedCondition, tenantDb } from "../db/index.ts";
import { conflict, invalid, notFound, parseInput } from "../error.ts";
import {
  type AwardType,
  CreateAwardTypeInput,
  freeAwardTypeId,
  mergeAwardTypes,
  nextOrder,
  prerequisiteProblems,
  requiredBy,
  type StoredAwardType,
  UpdateAwardTypeInput,
} from "./award.rules.ts";

export * from "./award.rules.ts";

const readers = ["board", "council", "unit"] as const;

const stale = () => conflict("award_type.stale", "The award type was changed by someone else");

/** The province's award types: defaults every province has, replaced or extended by what it stored. */
export async function listAwardTypes(actor: Actor): Promise<AwardType[]> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  const { data } = await tenantDb(tenantId).entities.awardType.query.byId({ tenantId }).go({ pages: "all" });
  return mergeAwardTypes(data.map(({ tenantId: _t, updatedAt: _u, ...stored }) => stored as StoredAwardType));
}

function assertPrerequisites(types: readonly AwardType[], awardTypeId: string, prerequisites: readonly string[]) {
  const problems = prerequisiteProblems(types, awardTypeId, prerequisites);
  if (problems.length) throw invalid("award_type.invalid_prerequisites", "Some prerequisites are wrong", problems);
}

/** What the table stores for an award type: everything but `builtIn`, which follows from the id. */
const stored = (tenantId: string, { builtIn: _b, ...type }: AwardType, updatedAt: string) => ({
  tenantId,
  ...type,
  updatedAt,
});

/** Adds an award type of the province's own, with a readable id from its name (suffixed when taken). */
export async function createAwardType(actor: Actor, input: unknown): Promise<AwardType> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const fields = parseInput(CreateAwardTypeInput, input);
  const taken = new Set<string>();
  for (let attempt = 1; attempt <= 5; attempt++) {
    const types = await listAwardTypes(actor);
    for (const t of types) taken.add(t.awardTypeId);
    const awardTypeId = freeAwardTypeId(fields.name, taken);
    assertPrerequisites(types, awardTypeId, fields.prerequisites);
    const now = new Date().toISOString();
    const type: AwardType = {
      awardTypeId,
      ...fields,
      active: true,
      order: nextOrder(types),
      builtIn: false,
      version: 1,
    };
    const result = await tenantDb(tenantId)
      .transaction.write(({ awardType, audit }) => [
        awardType.create(stored(tenantId, type, now)).commit(),
        audit
          .create(auditItem(actor, { action: "create", entity: "awardType", entityId: awardTypeId, after: type }, now))
          .commit(),
      ])
      .go();
    if (!result.canceled) return type;
    if (rejectedCondition(result) !== 0) assertCommitted(result, () => conflict("award_type.id_taken"));
    // Someone took the id meanwhile: read again and try the next free one.
    taken.add(awardTypeId);
  }
  throw conflict("award_type.id_taken", "Could not find a free id for this award type name");
}

/**
 * Edits an award type; version 0 edits a default nobody has edited yet, which
 * stores the province's own copy of it. A stale version answers 409.
 */
export async function updateAwardType(actor: Actor, awardTypeId: string, input: unknown): Promise<AwardType> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const { version, ...changes } = parseInput(UpdateAwardTypeInput, input);
  const types = await listAwardTypes(actor);
  const before = types.find((t) => t.awardTypeId === awardTypeId);
  if (!before) throw notFound("award_type.not_found");
  if (before.version !== version) throw stale();
  const after: AwardType = { ...before, ...changes, version: version + 1 };

  const others = types.filter((t) => t.awardTypeId !== awardTypeId);
  if (after.active && (changes.prerequisites !== undefined || !before.active))
    assertPrerequisites(others, awardTypeId, after.prerequisites);
  if (before.active && !after.active) {
    const dependents = requiredBy(others, awardTypeId);
    if (dependents.length)
      throw invalid("award_type.required_by", `Required by ${dependents.join(", ")}`, [
        { path: "active", message: "award_type.required_by" },
      ]);
  }

  const now = new Date().toISOString();
  const result = await tenantDb(tenantId)
    .transaction.write(({ awardType, audit }) => [
      awardType
        .put(stored(tenantId, after, now))
        .where((attr, op) => (version === 0 ? op.notExists(attr.version) : op.eq(attr.version, version)))
        .commit(),
      audit
        .create(auditItem(actor, { action: "update", entity: "awardType", entityId: awardTypeId, before, after }, now))
        .commit(),
    ])
    .go();
  assertCommitted(result, stale);
  return after;
}
