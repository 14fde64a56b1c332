import type { Actor } from "../actor.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, commit, createItem, createWithReadableId, deleteItem, putVersioned } from "../db/write.ts";
import { type AppError, conflict, notFound, parseInput } from "../error.ts";
import { compareVietnamese, foldVietnamese, matchesSearch } from "../text/index.ts";
import { applyDiscipline, CreateUnitInput, type Unit, UpdateUnitInput } from "./unit.rules.ts";

export * from "./unit.rules.ts";

const idTaken = () => conflict("unit.id_taken", "Could not find a free id for this unit name");
const nameTaken = () =>
  conflict("unit.name_taken", "Another unit of the province has this name", [
    { path: "name", message: "unit.name_taken" },
  ]);
const stale = () => conflict("unit.stale", "The unit was changed by someone else");

/** A name as units are compared: case, diacritics and spacing aside ("Sở Nội vụ" is "so noi vu"). */
const nameKey = (name: string) => foldVietnamese(name);

/** Reserves a unit's name; `taken` answers when another unit holds it. */
const nameReserved = (unit: Pick<Unit, "unitId" | "name">, taken: () => AppError): Change =>
  createItem("unitName", { nameKey: nameKey(unit.name), unitId: unit.unitId }, { conflict: taken });

/** Frees the name a unit holds; nothing to free for one created before names were reserved. */
const nameFreed = (unit: Pick<Unit, "unitId" | "name">): Change =>
  deleteItem(
    "unitName",
    { nameKey: nameKey(unit.name) },
    { where: (attr, op) => `${op.notExists(attr.unitId)} OR ${op.eq(attr.unitId, unit.unitId)}`, conflict: stale },
  );

const toUnit = (item: Omit<Unit, "discipline"> & { discipline?: unknown }): Unit => ({
  ...item,
  discipline: (item.discipline as Record<string, string> | undefined) ?? {},
});

/** Every unit of the scope's province (a few hundred at most: one partition). */
export async function unitsOf({ db }: ProvinceScope): Promise<Unit[]> {
  const { data } = await db.unit.query.byId({}).go({ pages: "all" });
  return data.map(toUnit);
}

/** All units of the caller's province, in Vietnamese order; `q` matches names without diacritics. */
export async function listUnits(actor: Actor, q?: string): Promise<Unit[]> {
  const units = await unitsOf(provinceScope(actor, provinceReaders));
  return units
    .filter((u) => !q || matchesSearch(`${u.name} ${u.shortName ?? ""}`, q))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

export async function getUnit(actor: Actor, unitId: string): Promise<Unit> {
  const { db } = provinceScope(actor, provinceReaders);
  const { data } = await db.unit.get({ unitId }).go();
  if (!data) throw notFound("unit.not_found");
  return toUnit(data);
}

/**
 * The changes that add a unit: its name's reservation, and the unit with its audit record. `taken` says
 * what a taken id or name means (the import names its row).
 */
export const unitCreated = (
  unit: Unit,
  taken: { id: () => AppError; name: () => AppError } = { id: idTaken, name: nameTaken },
): Change[] => [
  nameReserved(unit, taken.name),
  createItem("unit", unit, {
    conflict: taken.id,
    audit: { action: "create", entity: "unit", entityId: unit.unitId, after: unit },
  }),
];

/** The changes that remove a unit (an import rolled back), its name and audit record with it. */
export const unitDeleted = (unit: Pick<Unit, "unitId" | "name"> & Partial<Unit>): Change[] => [
  nameFreed(unit),
  deleteItem(
    "unit",
    { unitId: unit.unitId },
    { audit: { action: "delete", entity: "unit", entityId: unit.unitId, before: unit } },
  ),
];

/**
 * Refuses a name another unit has. The reservation written with the change settles races between new
 * names; this read also covers units created before names were reserved.
 */
async function assertNameFree(scope: ProvinceScope, name: string, unitId?: string) {
  const units = await unitsOf(scope);
  if (units.some((u) => u.unitId !== unitId && nameKey(u.name) === nameKey(name))) throw nameTaken();
}

/** Creates a unit with a readable id from its name (`bao-an-giang`), suffixed when taken. */
export async function createUnit(actor: Actor, input: unknown): Promise<Unit> {
  const scope = provinceScope(actor, boardOnly);
  const fields = parseInput(CreateUnitInput, input);
  await assertNameFree(scope, fields.name);
  const now = new Date().toISOString();
  return createWithReadableId(
    scope,
    { name: fields.shortName ?? fields.name, fallback: "don-vi", taken: idTaken },
    (unitId) => {
      const unit: Unit = { unitId, ...fields, discipline: {}, createdAt: now, updatedAt: now, version: 1 };
      return { result: unit, changes: unitCreated(unit) };
    },
  );
}

export async function updateUnit(actor: Actor, unitId: string, input: unknown): Promise<Unit> {
  const scope = provinceScope(actor, boardOnly);
  const { version, discipline, shortName, ...changes } = parseInput(UpdateUnitInput, input);
  const before = await getUnit(actor, unitId);
  if (before.version !== version) throw stale();
  const now = new Date().toISOString();
  const after: Unit = {
    ...before,
    ...changes,
    ...(shortName === undefined ? {} : shortName === null ? { shortName: undefined } : { shortName }),
    discipline: applyDiscipline(before.discipline, discipline),
    updatedAt: now,
    version: version + 1,
  };
  // A new name is reserved with the edit; the old one is freed if the unit holds it.
  const renamed = nameKey(after.name) !== nameKey(before.name);
  if (renamed) await assertNameFree(scope, after.name, unitId);
  const held = renamed ? (await scope.db.unitName.get({ nameKey: nameKey(before.name) }).go()).data : null;
  await commit(scope, [
    ...(renamed ? [nameReserved(after, nameTaken)] : []),
    ...(held?.unitId === unitId ? [nameFreed(before)] : []),
    putVersioned("unit", after, version, {
      conflict: stale,
      audit: { action: "update", entity: "unit", entityId: unitId, before, after },
    }),
  ]);
  return after;
}
