import type { Actor } from "../actor.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import {
  type Change,
  commit,
  createItem,
  createWithReadableId,
  deleteItem,
  putVersioned,
  versionIs,
} from "../db/write.ts";
import { archiveAction, archiveEdit } from "../edit/archive.ts";
import { VersionInput } from "../edit/edit.rules.ts";
import { type AppError, conflict, notFound, parseInput } from "../error.ts";
import { nameClaimed, nameFreed, refuseTakenName, renamed } from "../names/index.ts";
import { compareVietnamese, matchesSearch } from "../text/index.ts";
import { applyDiscipline, CreateUnitInput, type Unit, UpdateUnitInput } from "./unit.rules.ts";

export * from "./unit.rules.ts";

const idTaken = () => conflict("unit.id_taken", "Could not find a free id for this unit name");
const nameTaken = () =>
  conflict("unit.name_taken", "Another unit of the province has this name", [
    { path: "name", message: "unit.name_taken" },
  ]);
const stale = () => conflict("unit.stale", "The unit was changed by someone else");
const names = { taken: nameTaken, stale };

const toUnit = (item: Omit<Unit, "discipline"> & { discipline?: unknown }): Unit => ({
  ...item,
  discipline: (item.discipline as Record<string, string> | undefined) ?? {},
});

/** Every unit of the scope's province (a few hundred at most: one partition). */
export async function unitsOf({ db }: ProvinceScope): Promise<Unit[]> {
  const { data } = await db.unit.query.byId({}).go({ pages: "all" });
  return data.map(toUnit);
}

/**
 * All units of the caller's province, archived ones included (past years name them), in Vietnamese
 * order; `q` matches names without diacritics.
 */
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
  nameClaimed("unit", unit.name, unit.unitId, taken.name),
  createItem("unit", unit, {
    conflict: taken.id,
    audit: { action: "create", entity: "unit", entityId: unit.unitId, after: unit },
  }),
];

/**
 * The changes that remove a unit, its name and audit record with it: an import rolled back (any version),
 * or the board's delete (`version`: the one it read).
 */
export const unitDeleted = (unit: Pick<Unit, "unitId" | "name"> & Partial<Unit>, version?: number): Change[] => [
  nameFreed("unit", unit.name, unit.unitId, stale),
  deleteItem(
    "unit",
    { unitId: unit.unitId },
    {
      ...(version === undefined ? {} : { where: versionIs(version), conflict: stale }),
      audit: { action: "delete", entity: "unit", entityId: unit.unitId, before: unit },
    },
  ),
];

/**
 * Refuses a name another unit has. The reservation written with the change settles races between new
 * names; this read also covers units created before names were reserved.
 */
async function assertNameFree(scope: ProvinceScope, name: string, unitId?: string) {
  const units = await unitsOf(scope);
  refuseTakenName(
    units.map((u) => ({ id: u.unitId, name: u.name })),
    name,
    unitId,
    nameTaken,
  );
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
  // A new name is claimed with the edit, and the old one freed.
  const rename = renamed("unit", unitId, { before: before.name, after: after.name }, names);
  if (rename.length) await assertNameFree(scope, after.name, unitId);
  await commit(scope, [
    ...rename,
    putVersioned("unit", after, version, {
      conflict: stale,
      audit: { action: "update", entity: "unit", entityId: unitId, before, after },
    }),
  ]);
  return after;
}

/** Archives a unit (hidden from pickers, kept in past years) or restores it; audited as such. */
export async function setUnitArchived(actor: Actor, unitId: string, input: unknown, archived: boolean): Promise<Unit> {
  const scope = provinceScope(actor, boardOnly);
  const { version } = parseInput(VersionInput, input);
  const before = await getUnit(actor, unitId);
  if (before.version !== version) throw stale();
  const after = archiveEdit(before, archived);
  if (!after) return before;
  await commit(scope, [
    putVersioned("unit", after, version, {
      conflict: stale,
      audit: { action: archiveAction(archived), entity: "unit", entityId: unitId, before, after },
    }),
  ]);
  return after;
}

/**
 * Deletes a unit that was never used: no year ever counted it a member and no account belongs to it.
 * Anything else is archived instead, so history keeps its name.
 */
export async function deleteUnit(actor: Actor, unitId: string, input: unknown): Promise<void> {
  const scope = provinceScope(actor, boardOnly);
  const { version } = parseInput(VersionInput, input);
  const unit = await getUnit(actor, unitId);
  if (unit.version !== version) throw stale();
  const [memberships, accounts] = await Promise.all([
    scope.db.membership.query.byUnit({ unitId }).go({ limit: 1 }),
    scope.db.account.query.byId({}).go({ pages: "all" }),
  ]);
  if (memberships.data.length > 0 || accounts.data.some((a) => a.unitId === unitId))
    throw conflict("unit.in_use", "This unit has been a member of a bloc or has accounts: archive it instead");
  await commit(scope, unitDeleted(unit, version));
}
