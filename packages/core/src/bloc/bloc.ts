import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { assertCommitted, rejectedCondition, tenantDb } from "../db/index.ts";
import { conflict, invalid, notFound, parseInput } from "../error.ts";
import { effectiveRules } from "../rules/index.ts";
import { compareVietnamese, slugify } from "../text/index.ts";
import { isUnderDiscipline, listUnits } from "../unit/index.ts";
import { type Bloc, type BlocYear, CreateBlocInput, MAX_MEMBER_CHANGES, UpdateBlocInput } from "./bloc.rules.ts";

const readers = ["board", "council", "unit"] as const;

const strip = <T extends { tenantId?: string }>({ tenantId: _t, ...rest }: T) => rest;

async function visibleBlocIds(actor: Actor, tenantId: string): Promise<Set<string> | "all"> {
  if (actor.role === "board") return "all";
  if (actor.role === "unit" && actor.unitId) {
    const { data } = await tenantDb(tenantId)
      .entities.membership.query.byUnit({ tenantId, unitId: actor.unitId })
      .go({ pages: "all" });
    return new Set(data.map((m) => m.blocId));
  }
  return new Set(); // council: filtered by email below
}

const followedBy = (bloc: Bloc, actor: Actor) => actor.role === "council" && bloc.councilEmails.includes(actor.email);

/** Council members' addresses are the board's and the council's business, not the units'. */
const viewFor = (actor: Actor, bloc: Bloc): Bloc => (actor.role === "unit" ? { ...bloc, councilEmails: [] } : bloc);

/** Blocs the caller may see: all for the board; their own for council members and units. */
export async function listBlocs(actor: Actor): Promise<Bloc[]> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  const [{ data }, visible] = await Promise.all([
    tenantDb(tenantId).entities.bloc.query.byId({ tenantId }).go({ pages: "all" }),
    visibleBlocIds(actor, tenantId),
  ]);
  return data
    .map((b) => strip(b) as Bloc)
    .filter((b) => visible === "all" || visible.has(b.blocId) || followedBy(b, actor))
    .map((b) => viewFor(actor, b))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

/** A bloc the caller may see; any other id answers 404, whoever owns it. */
export async function getBloc(actor: Actor, blocId: string): Promise<Bloc> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  const { data } = await tenantDb(tenantId).entities.bloc.get({ tenantId, blocId }).go();
  if (!data) throw notFound("bloc.not_found");
  const bloc = strip(data) as Bloc;
  if (actor.role !== "board" && !followedBy(bloc, actor)) {
    const visible = await visibleBlocIds(actor, tenantId);
    if (visible === "all" || !visible.has(blocId)) throw notFound("bloc.not_found");
  }
  return viewFor(actor, bloc);
}

export async function createBloc(actor: Actor, input: unknown): Promise<Bloc> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const fields = parseInput(CreateBlocInput, input);
  const base = slugify(fields.name).slice(0, 60) || "khoi";
  const now = new Date().toISOString();
  for (let attempt = 1; attempt <= 20; attempt++) {
    const blocId = attempt === 1 ? base : `${base}-${attempt}`;
    const bloc: Bloc = { blocId, ...fields, criteriaVersion: 0, createdAt: now, updatedAt: now, version: 1 };
    const result = await tenantDb(tenantId)
      .transaction.write(({ bloc: blocs, audit }) => [
        blocs.create({ tenantId, ...bloc }).commit(),
        audit
          .create(auditItem(actor, { action: "create", entity: "bloc", entityId: blocId, after: bloc }, now))
          .commit(),
      ])
      .go();
    if (!result.canceled) return bloc;
    if (rejectedCondition(result) !== 0) assertCommitted(result, () => conflict("bloc.id_taken"));
  }
  throw conflict("bloc.id_taken", "Could not find a free id for this bloc name");
}

export async function updateBloc(actor: Actor, blocId: string, input: unknown): Promise<Bloc> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const { version, ...changes } = parseInput(UpdateBlocInput, input);
  const before = await getBloc(actor, blocId);
  const stale = () => conflict("bloc.stale", "The bloc was changed by someone else");
  if (before.version !== version) throw stale();
  const now = new Date().toISOString();
  const after: Bloc = { ...before, ...changes, updatedAt: now, version: version + 1 };
  const result = await tenantDb(tenantId)
    .transaction.write(({ bloc, audit }) => [
      bloc
        .put({ tenantId, ...after })
        // A criteria save moves criteriaVersion without bumping version: never put back the old one.
        .where(
          (attr, op) => `${op.eq(attr.version, version)} AND ${op.eq(attr.criteriaVersion, before.criteriaVersion)}`,
        )
        .commit(),
      audit
        .create(auditItem(actor, { action: "update", entity: "bloc", entityId: blocId, before, after }, now))
        .commit(),
    ])
    .go();
  assertCommitted(result, stale);
  return after;
}

/** The bloc's year, or an empty planning year (version 0) when nothing was saved yet. */
export async function getBlocYear(actor: Actor, blocId: string, year: number): Promise<BlocYear> {
  await getBloc(actor, blocId);
  const tenantId = requireTenant(actor);
  const { data } = await tenantDb(tenantId).entities.blocYear.get({ tenantId, blocId, year }).go();
  if (!data) return { blocId, year, memberUnitIds: [], deputyUnitIds: [], status: "planning", version: 0 };
  const { rules: _rules, updatedAt: _u, ...view } = strip(data);
  return view as BlocYear;
}

/** Facts the seat rules need: members' discipline that year and the previous year's leader. */
export async function seatContext(actor: Actor, blocId: string, year: number) {
  const tenantId = requireTenant(actor);
  const [units, previous, rules] = await Promise.all([
    listUnits(actor),
    tenantDb(tenantId)
      .entities.blocYear.get({ tenantId, blocId, year: year - 1 })
      .go(),
    effectiveRules(tenantId, blocId),
  ]);
  return {
    units,
    disciplined: new Set(units.filter((u) => isUnderDiscipline(u, year)).map((u) => u.unitId)),
    previousLeaderUnitId: previous.data?.leaderUnitId,
    rules,
  };
}

export function assertMemberChangeSize(added: number, removed: number) {
  if (added + removed > MAX_MEMBER_CHANGES) {
    throw invalid("bloc.too_many_changes", `Change at most ${MAX_MEMBER_CHANGES} members at a time`, [
      { path: "unitIds", message: "bloc.too_many_changes" },
    ]);
  }
}
