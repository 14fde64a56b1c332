import type { Actor } from "../actor.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { commit, createItem, createWithReadableId, deleteItem, putVersioned } from "../db/write.ts";
import { VersionInput } from "../edit/edit.rules.ts";
import { conflict, invalid, notFound, parseInput } from "../error.ts";
import { nameClaimed, nameFreed, refuseTakenName, renamed } from "../names/index.ts";
import {
  type AwardType,
  CreateAwardTypeInput,
  mergeAwardTypes,
  nextOrder,
  prerequisiteProblems,
  requiredBy,
  type StoredAwardType,
  UpdateAwardTypeInput,
  yearsInRowProblems,
} from "./award.rules.ts";

export * from "./award.rules.ts";

const idTaken = () => conflict("award_type.id_taken", "Could not find a free id for this award type name");
const stale = () => conflict("award_type.stale", "The award type was changed by someone else");
const nameTaken = () =>
  conflict("award_type.name_taken", "Another award type of the province has this name", [
    { path: "name", message: "award_type.name_taken" },
  ]);

/** Refuses a name another award type has, built-in ones included (they hold no claim). */
function assertNameFree(types: readonly AwardType[], name: string, awardTypeId?: string) {
  refuseTakenName(
    types.map((t) => ({ id: t.awardTypeId, name: t.name })),
    name,
    awardTypeId,
    nameTaken,
  );
}

/** The province's award types: defaults every province has, replaced or extended by what it stored. */
export async function awardTypesOf({ db }: ProvinceScope): Promise<AwardType[]> {
  const { data } = await db.awardType.query.byId({}).go({ pages: "all" });
  return mergeAwardTypes(data.map(({ updatedAt: _u, ...stored }) => stored as StoredAwardType));
}

export const listAwardTypes = (actor: Actor) => awardTypesOf(provinceScope(actor, provinceReaders));

function assertPrerequisites(
  types: readonly AwardType[],
  awardTypeId: string,
  { prerequisites, yearsInRow }: Pick<AwardType, "prerequisites" | "yearsInRow">,
) {
  const problems = [
    ...prerequisiteProblems(types, awardTypeId, prerequisites),
    ...yearsInRowProblems(types, awardTypeId, yearsInRow),
  ];
  if (problems.length) throw invalid("award_type.invalid_prerequisites", "Some prerequisites are wrong", problems);
}

/** What the table stores for an award type: everything but `builtIn`, which follows from the id. */
const stored = ({ builtIn: _b, ...type }: AwardType) => ({ ...type, updatedAt: new Date().toISOString() });

/** Adds an award type of the province's own, with a readable id from its name (suffixed when taken). */
export async function createAwardType(actor: Actor, input: unknown): Promise<AwardType> {
  const scope = provinceScope(actor, boardOnly);
  const fields = parseInput(CreateAwardTypeInput, input);
  const types = await awardTypesOf(scope);
  assertNameFree(types, fields.name);
  // Built-in types exist without a stored item: their ids are taken all the same.
  const taken = new Set(types.map((t) => t.awardTypeId));
  return createWithReadableId(
    scope,
    { name: fields.name, fallback: "danh-hieu", taken: idTaken, isTaken: (id) => taken.has(id) },
    (awardTypeId) => {
      assertPrerequisites(types, awardTypeId, fields);
      const type: AwardType = {
        awardTypeId,
        ...fields,
        active: true,
        order: nextOrder(types),
        builtIn: false,
        version: 1,
      };
      const audit = { action: "create", entity: "awardType", entityId: awardTypeId, after: type } as const;
      return {
        result: type,
        changes: [
          nameClaimed("awardType", type.name, awardTypeId, nameTaken),
          createItem("awardType", stored(type), { conflict: idTaken, audit }),
        ],
      };
    },
  );
}

/**
 * Edits an award type; version 0 edits a default nobody has edited yet, which
 * stores the province's own copy of it. A stale version answers 409.
 */
export async function updateAwardType(actor: Actor, awardTypeId: string, input: unknown): Promise<AwardType> {
  const scope = provinceScope(actor, boardOnly);
  const { version, ...changes } = parseInput(UpdateAwardTypeInput, input);
  const types = await awardTypesOf(scope);
  const before = types.find((t) => t.awardTypeId === awardTypeId);
  if (!before) throw notFound("award_type.not_found");
  if (before.version !== version) throw stale();
  const after: AwardType = { ...before, ...changes, version: version + 1 };

  const others = types.filter((t) => t.awardTypeId !== awardTypeId);
  if (after.active && (changes.prerequisites !== undefined || changes.yearsInRow !== undefined || !before.active))
    assertPrerequisites(others, awardTypeId, after);
  if (before.active && !after.active) {
    const dependents = requiredBy(others, awardTypeId);
    if (dependents.length)
      throw invalid("award_type.required_by", `Required by ${dependents.join(", ")}`, [
        { path: "active", message: "award_type.required_by" },
      ]);
  }
  const rename = renamed(
    "awardType",
    awardTypeId,
    { before: before.name, after: after.name },
    { taken: nameTaken, stale },
  );
  if (rename.length) assertNameFree(others, after.name);
  await commit(scope, [
    ...rename,
    putVersioned("awardType", stored(after), version, {
      conflict: stale,
      audit: { action: "update", entity: "awardType", entityId: awardTypeId, before, after },
    }),
  ]);
  return after;
}

/**
 * Deletes an award type of the province's own that was never used: no other type requires it and no
 * bloc's quotas, any year, name it. A built-in type, or one in use, is deactivated instead.
 */
export async function deleteAwardType(actor: Actor, awardTypeId: string, input: unknown): Promise<void> {
  const scope = provinceScope(actor, boardOnly);
  const { version } = parseInput(VersionInput, input);
  const types = await awardTypesOf(scope);
  const type = types.find((t) => t.awardTypeId === awardTypeId);
  if (!type) throw notFound("award_type.not_found");
  if (type.builtIn) throw conflict("award_type.built_in", "A built-in award type cannot be deleted: deactivate it");
  if (type.version !== version) throw stale();
  const { data: blocs } = await scope.db.bloc.query.byId({}).go({ pages: "all" });
  const quotas = await Promise.all(
    blocs.map(async ({ blocId }) => (await scope.db.quota.query.byBlocYear({ blocId }).go({ pages: "all" })).data),
  );
  const named = quotas
    .flat()
    .some((q) => (q.items as { awardTypeId: string }[]).some((i) => i.awardTypeId === awardTypeId));
  if (named || requiredBy(types, awardTypeId).length)
    throw conflict("award_type.in_use", "Quotas or other award types name this one: deactivate it instead");
  await commit(scope, [
    nameFreed("awardType", type.name, awardTypeId, stale),
    deleteItem(
      "awardType",
      { awardTypeId },
      {
        where: (attr, op) => op.eq(attr.version, version),
        conflict: stale,
        audit: { action: "delete", entity: "awardType", entityId: awardTypeId, before: type },
      },
    ),
  ]);
}
