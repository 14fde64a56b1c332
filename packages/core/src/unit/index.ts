import type { Actor } from "../actor.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, commit, createItem, createWithReadableId, deleteItem, putVersioned } from "../db/write.ts";
import { type AppError, conflict, notFound, parseInput } from "../error.ts";
import { compareVietnamese, matchesSearch } from "../text/index.ts";
import { applyDiscipline, CreateUnitInput, type Unit, UpdateUnitInput } from "./unit.rules.ts";

export * from "./unit.rules.ts";

const idTaken = () => conflict("unit.id_taken", "Could not find a free id for this unit name");
const stale = () => conflict("unit.stale", "The unit was changed by someone else");

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

/** The change that adds a unit, with its audit record; `taken` answers when the id exists (the import names its row). */
export const unitCreated = (unit: Unit, taken: () => AppError = idTaken): Change =>
  createItem("unit", unit, {
    conflict: taken,
    audit: { action: "create", entity: "unit", entityId: unit.unitId, after: unit },
  });

/** The change that removes a unit (an import rolled back), with its audit record. */
export const unitDeleted = (unit: Pick<Unit, "unitId"> & Partial<Unit>): Change =>
  deleteItem(
    "unit",
    { unitId: unit.unitId },
    { audit: { action: "delete", entity: "unit", entityId: unit.unitId, before: unit } },
  );

/** Creates a unit with a readable id from its name (`bao-an-giang`), suffixed when taken. */
export async function createUnit(actor: Actor, input: unknown): Promise<Unit> {
  const scope = provinceScope(actor, boardOnly);
  const fields = parseInput(CreateUnitInput, input);
  const now = new Date().toISOString();
  return createWithReadableId(
    scope,
    { name: fields.shortName ?? fields.name, fallback: "don-vi", taken: idTaken },
    (unitId) => {
      const unit: Unit = { unitId, ...fields, discipline: {}, createdAt: now, updatedAt: now, version: 1 };
      return { result: unit, changes: [unitCreated(unit)] };
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
  await commit(scope, [
    putVersioned("unit", after, version, {
      conflict: stale,
      audit: { action: "update", entity: "unit", entityId: unitId, before, after },
    }),
  ]);
  return after;
}
