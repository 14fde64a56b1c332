import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { assertCommitted, rejectedCondition, tenantDb } from "../db/index.ts";
import { conflict, notFound, parseInput } from "../error.ts";
import { compareVietnamese, matchesSearch, slugify } from "../text/index.ts";
import { applyDiscipline, CreateUnitInput, type Unit, UpdateUnitInput } from "./unit.rules.ts";

export * from "./unit.rules.ts";

const readers = ["board", "council", "unit"] as const;

function toUnit(item: Omit<Unit, "discipline"> & { discipline?: unknown; tenantId?: string }): Unit {
  const { tenantId: _t, ...unit } = item;
  return { ...unit, discipline: (item.discipline as Record<string, string> | undefined) ?? {} };
}

/** All units of the caller's province, in Vietnamese order; `q` matches names without diacritics. */
export async function listUnits(actor: Actor, q?: string): Promise<Unit[]> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  const { data } = await tenantDb(tenantId).entities.unit.query.byId({ tenantId }).go({ pages: "all" });
  return data
    .map(toUnit)
    .filter((u) => !q || matchesSearch(`${u.name} ${u.shortName ?? ""}`, q))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

export async function getUnit(actor: Actor, unitId: string): Promise<Unit> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  const { data } = await tenantDb(tenantId).entities.unit.get({ tenantId, unitId }).go();
  if (!data) throw notFound("unit.not_found");
  return toUnit(data);
}

/** Creates a unit with a readable id from its name (`bao-an-giang`), suffixed when taken. */
export async function createUnit(actor: Actor, input: unknown): Promise<Unit> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const fields = parseInput(CreateUnitInput, input);
  const db = tenantDb(tenantId);
  const base = slugify(fields.shortName ?? fields.name).slice(0, 60) || "don-vi";
  const now = new Date().toISOString();
  for (let attempt = 1; attempt <= 20; attempt++) {
    const unitId = attempt === 1 ? base : `${base}-${attempt}`;
    const unit: Unit = { unitId, ...fields, discipline: {}, createdAt: now, updatedAt: now, version: 1 };
    const result = await db.transaction
      .write(({ unit: units, audit }) => [
        units.create({ tenantId, ...unit }).commit(),
        audit
          .create(auditItem(actor, { action: "create", entity: "unit", entityId: unitId, after: unit }, now))
          .commit(),
      ])
      .go();
    if (!result.canceled) return unit;
    if (rejectedCondition(result) !== 0) assertCommitted(result, () => conflict("unit.id_taken"));
    // The id is taken: try the next suffix.
  }
  throw conflict("unit.id_taken", "Could not find a free id for this unit name");
}

export async function updateUnit(actor: Actor, unitId: string, input: unknown): Promise<Unit> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const { version, discipline, shortName, ...changes } = parseInput(UpdateUnitInput, input);
  const before = await getUnit(actor, unitId);
  if (before.version !== version) throw conflict("unit.stale", "The unit was changed by someone else");
  const now = new Date().toISOString();
  const after: Unit = {
    ...before,
    ...changes,
    ...(shortName === undefined ? {} : shortName === null ? { shortName: undefined } : { shortName }),
    discipline: applyDiscipline(before.discipline, discipline),
    updatedAt: now,
    version: version + 1,
  };
  const result = await tenantDb(tenantId)
    .transaction.write(({ unit, audit }) => [
      unit
        .put({ tenantId, ...after })
        .where((attr, op) => op.eq(attr.version, version))
        .commit(),
      audit
        .create(auditItem(actor, { action: "update", entity: "unit", entityId: unitId, before, after }, now))
        .commit(),
    ])
    .go();
  assertCommitted(result, () => conflict("unit.stale", "The unit was changed by someone else"));
  return after;
}
