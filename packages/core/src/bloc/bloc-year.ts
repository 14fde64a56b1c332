import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { assertCommitted, type Db, tenantDb } from "../db/index.ts";
import { conflict, invalid, parseInput } from "../error.ts";
import {
  type BlocYear,
  memberChanges,
  OpenYearInput,
  SetMembersInput,
  SetSeatsInput,
  seatProblems,
} from "./bloc.rules.ts";
import { assertMemberChangeSize, getBloc, getBlocYear, seatContext } from "./bloc.ts";

type TxEntities = Parameters<Parameters<Db["transaction"]["write"]>[0]>[0];

const stale = () => conflict("bloc_year.stale", "This bloc-year was changed by someone else");

/** Saves a bloc-year and its audit record, plus any extra items, in one transaction. */
async function saveYear(
  actor: Actor,
  before: BlocYear,
  after: BlocYear,
  extra: (entities: TxEntities) => { commit: () => unknown }[] = () => [],
  onConflict: (index: number) => Error = stale,
  rules?: unknown,
) {
  const tenantId = requireTenant(actor);
  const now = new Date().toISOString();
  const saved = { ...after, version: before.version + 1 };
  const result = await tenantDb(tenantId)
    .transaction.write((entities) => [
      entities.blocYear
        .put({ tenantId, ...saved, updatedAt: now, ...(rules ? { rules } : {}) })
        .where((attr, op) => (before.version === 0 ? op.notExists(attr.version) : op.eq(attr.version, before.version)))
        .commit(),
      entities.audit
        .create(
          auditItem(
            actor,
            {
              action: before.version === 0 ? "create" : "update",
              entity: "blocYear",
              entityId: `${after.blocId}/${after.year}`,
              before,
              after: saved,
            },
            now,
          ),
        )
        .commit(),
      // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's commit types differ per entity
      ...(extra(entities).map((op) => op.commit()) as any[]),
    ])
    .go();
  assertCommitted(result, onConflict as (index: number) => never);
  return saved;
}

async function yearForEdit(actor: Actor, blocId: string, year: number, version: number) {
  assertRole(actor, ["board"]);
  const before = await getBlocYear(actor, blocId, year);
  if (before.version !== version) throw stale();
  if (before.status === "closed") throw conflict("bloc_year.closed", "This year is closed");
  return before;
}

/**
 * Sets the bloc's members for a year. Joining units get a (year, unit) marker
 * that cannot exist twice, so a unit already in another bloc that year is refused.
 */
export async function setMembers(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocYear> {
  const { unitIds, version } = parseInput(SetMembersInput, input);
  const before = await yearForEdit(actor, blocId, year, version);
  const tenantId = requireTenant(actor);
  const { units } = await seatContext(actor, blocId, year);
  const known = new Set(units.map((u) => u.unitId));
  const unknown = unitIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `unitIds.${i}`, message: "unit.not_found" }],
  );
  if (unknown.length) throw invalid("bloc.unknown_unit", "Some units do not exist", unknown);

  const { added, removed } = memberChanges(before.memberUnitIds, unitIds);
  assertMemberChangeSize(added.length, removed.length);
  const stillSeated = (id: string) => unitIds.includes(id);
  const after: BlocYear = {
    ...before,
    memberUnitIds: unitIds,
    // Seats follow membership: a unit that leaves loses its seat.
    ...(before.leaderUnitId && !stillSeated(before.leaderUnitId) ? { leaderUnitId: undefined } : {}),
    deputyUnitIds: before.deputyUnitIds.filter(stillSeated),
  };
  return saveYear(
    actor,
    before,
    after,
    ({ membership }) => [
      ...added.map((unitId) => membership.create({ tenantId, year, unitId, blocId })),
      ...removed.map((unitId) =>
        membership.delete({ tenantId, year, unitId }).where((attr, op) => op.eq(attr.blocId, blocId)),
      ),
    ],
    (index) => {
      const unitId = added[index - 2];
      if (index < 2 || unitId === undefined) return stale();
      const at = unitIds.indexOf(unitId);
      return conflict("bloc.unit_in_other_bloc", `${unitId} already belongs to another bloc in ${year}`, [
        { path: `unitIds.${at}`, message: "bloc.unit_in_other_bloc" },
      ]);
    },
  );
}

/** Sets the leader and deputies for a year, under the bloc's rotation and eligibility rules. */
export async function setSeats(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocYear> {
  const { leaderUnitId, deputyUnitIds, version } = parseInput(SetSeatsInput, input);
  const before = await yearForEdit(actor, blocId, year, version);
  const ctx = await seatContext(actor, blocId, year);
  const problems = seatProblems({
    members: before.memberUnitIds,
    leaderUnitId,
    deputyUnitIds,
    previousLeaderUnitId: ctx.previousLeaderUnitId,
    disciplined: ctx.disciplined,
    noConsecutiveLeader: ctx.rules.rotation.noConsecutiveLeader,
    disciplineExcludes: ctx.rules.eligibility.disciplineExcludes,
  });
  if (problems.length) throw invalid("bloc.seats_invalid", "The seats break the bloc's rules", problems);
  const after: BlocYear = { ...before, leaderUnitId: leaderUnitId ?? undefined, deputyUnitIds };
  return saveYear(actor, before, after);
}

/**
 * Opens the year: fixes the criteria version and a snapshot of the rules, so
 * later edits of either never rewrite this year.
 */
export async function openYear(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocYear> {
  const { theme, version } = parseInput(OpenYearInput, input);
  const before = await yearForEdit(actor, blocId, year, version);
  if (before.status !== "planning") throw conflict("bloc_year.already_open", "This year is already open");
  const bloc = await getBloc(actor, blocId);
  if (bloc.criteriaVersion === 0) throw invalid("bloc.no_criteria", "Save a criteria table before opening the year");
  if (before.memberUnitIds.length === 0) throw invalid("bloc.no_members", "Add members before opening the year");
  const { rules } = await seatContext(actor, blocId, year);
  const after: BlocYear = {
    ...before,
    status: "open",
    criteriaVersion: bloc.criteriaVersion,
    ...(theme ? { theme } : {}),
  };
  return saveYear(actor, before, after, undefined, stale, rules);
}
