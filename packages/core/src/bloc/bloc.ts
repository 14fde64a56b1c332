import type { Actor } from "../actor.ts";
import { boardOnly, type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, checkItem, commit, createItem, createWithReadableId, putVersioned } from "../db/write.ts";
import { archiveAction, archiveEdit } from "../edit/archive.ts";
import { VersionInput } from "../edit/edit.rules.ts";
import { type AppError, conflict, notFound, parseInput } from "../error.ts";
import { nameClaimed, refuseTakenName, renamed } from "../names/index.ts";
import { PROVINCE_LEVEL } from "../rules/index.ts";
import { compareVietnamese } from "../text/index.ts";
import { type Bloc, CreateBlocInput, UpdateBlocInput } from "./bloc.rules.ts";

const idTaken = () => conflict("bloc.id_taken", "Could not find a free id for this bloc name");
const stale = () => conflict("bloc.stale", "The bloc was changed by someone else");
const nameTaken = () =>
  conflict("bloc.name_taken", "Another bloc of the province has this name", [
    { path: "name", message: "bloc.name_taken" },
  ]);
const names = { taken: nameTaken, stale };

/** Refuses a name another bloc has (the claim written with the change settles races). */
async function assertNameFree(scope: ProvinceScope, name: string, blocId?: string) {
  const blocs = await blocsOf(scope);
  refuseTakenName(
    blocs.map((b) => ({ id: b.blocId, name: b.name })),
    name,
    blocId,
    nameTaken,
  );
}

/** The blocs a unit belongs to, any year; council members follow blocs by email; the board sees all. */
async function visibleBlocIds({ actor, db }: ProvinceScope): Promise<Set<string> | "all"> {
  if (actor.role === "board") return "all";
  if (actor.role === "unit" && actor.unitId) {
    const { data } = await db.membership.query.byUnit({ unitId: actor.unitId }).go({ pages: "all" });
    return new Set(data.map((m) => m.blocId));
  }
  return new Set(); // council: filtered by email below
}

const followedBy = (bloc: Bloc, actor: Actor) => actor.role === "council" && bloc.councilEmails.includes(actor.email);

/** Council members' addresses are the board's and the council's business, not the units'. */
const viewFor = (actor: Actor, bloc: Bloc): Bloc => (actor.role === "unit" ? { ...bloc, councilEmails: [] } : bloc);

/** Every bloc of the scope's province (a few dozen: one partition). */
export async function blocsOf({ db }: ProvinceScope): Promise<Bloc[]> {
  return (await db.bloc.query.byId({}).go({ pages: "all" })).data;
}

/** Blocs the caller may see: all for the board; their own for council members and units. */
export async function listBlocs(actor: Actor): Promise<Bloc[]> {
  const scope = provinceScope(actor, provinceReaders);
  const [blocs, visible] = await Promise.all([blocsOf(scope), visibleBlocIds(scope)]);
  return blocs
    .filter((b) => visible === "all" || visible.has(b.blocId) || followedBy(b, actor))
    .map((b) => viewFor(actor, b))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

/** A bloc the caller may see; any other id answers 404, whoever owns it. */
export async function getBloc(actor: Actor, blocId: string): Promise<Bloc> {
  const scope = provinceScope(actor, provinceReaders);
  const { data: bloc } = await scope.db.bloc.get({ blocId }).go();
  return blocSeenBy(scope, bloc ?? undefined);
}

/** A bloc as read (with other items, say), as the scope's caller may see it: else 404, as `getBloc`. */
export async function blocSeenBy(scope: ProvinceScope, bloc: Bloc | undefined): Promise<Bloc> {
  const { actor } = scope;
  if (!bloc) throw notFound("bloc.not_found");
  if (actor.role !== "board" && !followedBy(bloc, actor)) {
    const visible = await visibleBlocIds(scope);
    if (visible === "all" || !visible.has(bloc.blocId)) throw notFound("bloc.not_found");
  }
  return viewFor(actor, bloc);
}

export async function createBloc(actor: Actor, input: unknown): Promise<Bloc> {
  const scope = provinceScope(actor, boardOnly);
  const fields = parseInput(CreateBlocInput, input);
  await assertNameFree(scope, fields.name);
  const now = new Date().toISOString();
  return createWithReadableId(
    scope,
    // A bloc's rules override is stored under its id, beside the province's own.
    { name: fields.name, fallback: "khoi", taken: idTaken, isTaken: (id) => id === PROVINCE_LEVEL },
    (blocId) => {
      const bloc: Bloc = { blocId, ...fields, criteriaVersion: 0, createdAt: now, updatedAt: now, version: 1 };
      const audit = { action: "create", entity: "bloc", entityId: blocId, after: bloc } as const;
      return {
        result: bloc,
        changes: [
          nameClaimed("bloc", bloc.name, blocId, nameTaken),
          createItem("bloc", bloc, { conflict: idTaken, audit }),
        ],
      };
    },
  );
}

export async function updateBloc(actor: Actor, blocId: string, input: unknown): Promise<Bloc> {
  const scope = provinceScope(actor, boardOnly);
  const { version, ...changes } = parseInput(UpdateBlocInput, input);
  const before = await getBloc(actor, blocId);
  if (before.version !== version) throw stale();
  const after: Bloc = { ...before, ...changes, updatedAt: new Date().toISOString(), version: version + 1 };
  const rename = renamed("bloc", blocId, { before: before.name, after: after.name }, names);
  if (rename.length) await assertNameFree(scope, after.name, blocId);
  await commit(scope, [...rename, blocEdited(before, after)]);
  return after;
}

/** Archives a bloc (no new year can be prepared; its past years stay) or restores it. */
export async function setBlocArchived(actor: Actor, blocId: string, input: unknown, archived: boolean): Promise<Bloc> {
  const scope = provinceScope(actor, boardOnly);
  const { version } = parseInput(VersionInput, input);
  const before = await getBloc(actor, blocId);
  if (before.version !== version) throw stale();
  const after = archiveEdit(before, archived);
  if (!after) return before;
  await commit(scope, [blocEdited(before, after, archiveAction(archived))]);
  return after;
}

/** A bloc's edit, versioned, with its audit record. */
const blocEdited = (before: Bloc, after: Bloc, action: "update" | "archive" | "restore" = "update"): Change =>
  putVersioned("bloc", after, before.version, {
    // A criteria save moves criteriaVersion without bumping version: never put back the old one.
    also: (attr, op) => op.eq(attr.criteriaVersion, before.criteriaVersion),
    conflict: stale,
    audit: { action, entity: "bloc", entityId: before.blocId, before, after },
  });

/** An archived bloc's data stays as it was: refused before any write (the transactions check it again). */
export function assertBlocActive(bloc: Pick<Bloc, "archivedAt">) {
  if (bloc.archivedAt) throw archivedBloc();
}
const archivedBloc = () => conflict("bloc.archived", "This bloc is archived: restore it to change it");

/** Commits only while the bloc exists and is not archived. */
export const blocActive = (blocId: string): Change =>
  checkItem(
    "bloc",
    { blocId },
    (attr, op) => `${op.exists(attr.blocId)} AND ${op.notExists(attr.archivedAt)}`,
    archivedBloc,
  );

/** The change that moves a bloc to a new criteria version, if no other save moved it first (nor archived it). */
export const criteriaVersionMoved = (blocId: string, from: number, to: number, onConflict: () => AppError): Change => ({
  write: (tx) =>
    tx.bloc
      .patch({ blocId })
      .set({ criteriaVersion: to })
      .where((attr, op) => `${op.eq(attr.criteriaVersion, from)} AND ${op.notExists(attr.archivedAt)}`)
      .commit(),
  conflict: onConflict,
});

/** The blocs a council member follows, by email. */
export const blocsFollowedBy = (blocs: readonly Bloc[], email: string): string[] =>
  blocs.filter((b) => b.councilEmails.includes(email)).map((b) => b.blocId);

/**
 * The changes that make `email` follow exactly `blocIds`: each bloc that gains or loses the address, as a
 * versioned edit with its audit record, to commit with the account change that asks for it. An id that is
 * not a bloc of the province answers 404.
 */
export async function followChanges(
  scope: ProvinceScope,
  email: string,
  blocIds: readonly string[],
): Promise<Change[]> {
  const blocs = await blocsOf(scope);
  if (blocIds.some((id) => !blocs.some((b) => b.blocId === id))) throw notFound("bloc.not_found");
  const now = new Date().toISOString();
  return blocs
    .filter((b) => b.councilEmails.includes(email) !== blocIds.includes(b.blocId))
    .map((before) => {
      const councilEmails = blocIds.includes(before.blocId)
        ? [...before.councilEmails, email]
        : before.councilEmails.filter((e) => e !== email);
      return blocEdited(before, { ...before, councilEmails, updatedAt: now, version: before.version + 1 });
    });
}
