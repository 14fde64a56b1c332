import type { Actor, Role } from "../actor.ts";
import type { ProvinceItem } from "../db/province.ts";
import { itemRead, readTogether } from "../db/read.ts";
import { boardOnly, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, checkItem, commit, createItem, deleteItem, putVersioned } from "../db/write.ts";
import { type AppError, conflict, forbidden, invalid, parseInput } from "../error.ts";
import { effectiveRules, type RuleSet } from "../rules/index.ts";
import { isUnderDiscipline, listUnits } from "../unit/index.ts";
import {
  type BlocYear,
  MAX_MEMBER_CHANGES,
  memberChanges,
  OpenYearInput,
  SetMembersInput,
  SetSeatsInput,
  seatProblems,
} from "./bloc.rules.ts";
import { assertBlocActive, blocSeenBy } from "./bloc.ts";

/** A bloc-year as stored: what the API shows, plus the rules snapshot and when it was last saved. */
export type BlocYearRecord = ProvinceItem<"blocYear">;

const stale = () => conflict("bloc_year.stale", "This bloc-year was changed by someone else");
const closed = () => conflict("bloc_year.closed", "This year is closed");

export function blocYearView(year: BlocYearRecord | BlocYear): BlocYear {
  const {
    rules: _rules,
    updatedAt: _updatedAt,
    table: _table,
    summary: _summary,
    handover: _handover,
    ...view
  } = year as BlocYearRecord;
  return view;
}

/** A year nothing was saved for yet: planning, no members (version 0). */
export const emptyBlocYear = (blocId: string, year: number): BlocYear => ({
  blocId,
  year,
  memberUnitIds: [],
  deputyUnitIds: [],
  status: "planning",
  version: 0,
});

/** The bloc's year as stored, with its rules snapshot, for a bloc the caller may see; null when never saved. */
async function storedYear(actor: Actor, blocId: string, year: number) {
  const scope = provinceScope(actor, provinceReaders);
  const [bloc, stored] = await readTogether([
    itemRead(scope.db.bloc, { blocId }),
    itemRead(scope.db.blocYear, { blocId, year }),
  ] as const);
  return { bloc: await blocSeenBy(scope, bloc), stored };
}

/** The bloc's year, or an empty planning year (version 0) when nothing was saved yet. */
export async function getBlocYear(actor: Actor, blocId: string, year: number): Promise<BlocYear> {
  const { stored } = await storedYear(actor, blocId, year);
  return stored ? blocYearView(stored) : emptyBlocYear(blocId, year);
}

/**
 * The change that saves a bloc-year over `before` (version 0: never saved), with its audit
 * record; `after` carries the next version. Every writer of bloc-years goes through here.
 */
export function blocYearSaved(before: BlocYear, after: BlocYearRecord, onConflict = stale, reason?: string): Change {
  return putVersioned("blocYear", after, before.version, {
    conflict: onConflict,
    audit: {
      action: before.version === 0 ? "create" : "update",
      entity: "blocYear",
      entityId: `${after.blocId}/${after.year}`,
      before: blocYearView(before),
      after: blocYearView(after),
      ...(reason ? { reason } : {}),
    },
  });
}

/** The change that removes a bloc-year still at `current.version` (an import rolled back), with its audit record. */
export const blocYearDeleted = (current: BlocYear, onConflict = stale): Change =>
  deleteItem(
    "blocYear",
    { blocId: current.blocId, year: current.year },
    {
      where: (attr, op) => op.eq(attr.version, current.version),
      conflict: onConflict,
      audit: {
        action: "delete",
        entity: "blocYear",
        entityId: `${current.blocId}/${current.year}`,
        before: blocYearView(current),
      },
    },
  );

/**
 * The marker of a unit's membership in a year, keyed by (year, unit): created
 * with attribute_not_exists, so a unit cannot join two blocs in one year.
 */
export const memberJoined = (year: number, unitId: string, blocId: string, onConflict: () => AppError): Change =>
  createItem("membership", { year, unitId, blocId }, { conflict: onConflict });

/** Commits only while the unit exists and is not archived. */
export const unitActive = (unitId: string, onFail: () => AppError): Change =>
  checkItem("unit", { unitId }, (attr, op) => `${op.exists(attr.unitId)} AND ${op.notExists(attr.archivedAt)}`, onFail);

/**
 * Removes a unit's membership marker of a year. With `of`, only if it is that bloc's (else `of.conflict`);
 * without, whatever it is (an import rolling back the units it created).
 */
export const memberLeft = (year: number, unitId: string, of?: { blocId: string; conflict: () => AppError }): Change =>
  deleteItem(
    "membership",
    { year, unitId },
    of ? { where: (attr, op) => op.eq(attr.blocId, of.blocId), conflict: of.conflict } : {},
  );

/** Facts the seat rules need: members' discipline that year, the previous year's leader, the bloc's rules. */
async function seatContext(actor: Actor, blocId: string, year: number) {
  const scope = provinceScope(actor, provinceReaders);
  const [units, previous, rules] = await Promise.all([
    listUnits(actor),
    scope.db.blocYear.get({ blocId, year: year - 1 }).go(),
    effectiveRules(scope, blocId),
  ]);
  return {
    units,
    disciplined: new Set(units.filter((u) => isUnderDiscipline(u, year)).map((u) => u.unitId)),
    previousLeaderUnitId: previous.data?.leaderUnitId,
    rules,
  };
}

/** The year as the board (or, launching it, its leader) is about to edit it: still at `version`, not closed. */
async function yearForEdit(actor: Actor, blocId: string, year: number, version: number, roles = boardOnly) {
  const scope = provinceScope(actor, roles);
  const { bloc, stored } = await storedYear(actor, blocId, year);
  assertBlocActive(bloc);
  const before = stored ? blocYearView(stored) : emptyBlocYear(blocId, year);
  if (before.version !== version) throw stale();
  if (before.status === "closed") throw closed();
  return { scope, bloc, before, stored };
}

/** What a stored year keeps beside its view: the snapshots of its launch and the leader's summary. */
export const yearExtras = (stored: BlocYearRecord | null | undefined) => ({
  ...(stored?.rules ? { rules: stored.rules } : {}),
  ...(stored?.table ? { table: stored.table } : {}),
  ...(stored?.summary ? { summary: stored.summary } : {}),
  ...(stored?.handover ? { handover: stored.handover } : {}),
});

/**
 * Saves a bloc-year edit (and the extra changes that must agree with it) in one transaction. The snapshots
 * of an opened year are written back as they were: no edit of the year rewrites them.
 */
async function saveYear(
  { scope, before, stored }: Awaited<ReturnType<typeof yearForEdit>>,
  after: BlocYear,
  {
    extra = [],
    opening,
    reason,
  }: { extra?: Change[]; opening?: Pick<BlocYearRecord, "rules" | "table">; reason?: string } = {},
): Promise<BlocYear> {
  const saved = { ...after, version: before.version + 1 };
  const record: BlocYearRecord = {
    ...yearExtras(stored),
    ...opening,
    ...saved,
    updatedAt: new Date().toISOString(),
  };
  await commit(scope, [blocYearSaved(before, record, stale, reason), ...extra]);
  return saved;
}

/** Each unit added writes its marker and checks the unit; each one removed deletes its marker. */
export function assertMemberChangeSize(added: number, removed: number) {
  if (2 * added + removed > MAX_MEMBER_CHANGES) {
    throw invalid(
      "bloc.too_many_changes",
      `Add at most ${MAX_MEMBER_CHANGES / 2} or remove at most ${MAX_MEMBER_CHANGES} members at a time`,
      [{ path: "unitIds", message: "bloc.too_many_changes" }],
    );
  }
}

/**
 * Sets the bloc's members for a year. Joining units get a (year, unit) marker
 * that cannot exist twice, so a unit already in another bloc that year is refused.
 */
export async function setMembers(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocYear> {
  const { unitIds, version, reason } = parseInput(SetMembersInput, input);
  const edit = await yearForEdit(actor, blocId, year, version);
  const { before } = edit;
  // A launched year's members are its competitors: changing them is said why, and the trail keeps it.
  if (before.status === "open" && !reason)
    throw invalid("bloc_year.reason_required", "The year is launched: say why its members change", [
      { path: "reason", message: "bloc_year.reason_required" },
    ]);
  const { units } = await seatContext(actor, blocId, year);
  const known = new Set(units.map((u) => u.unitId));
  const unknown = unitIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `unitIds.${i}`, message: "unit.not_found" }],
  );
  if (unknown.length) throw invalid("bloc.unknown_unit", "Some units do not exist", unknown);

  const { added, removed } = memberChanges(before.memberUnitIds, unitIds);
  assertMemberChangeSize(added.length, removed.length);
  // An archived unit stays in the years it was part of, and joins no other.
  const archived = new Set(units.filter((u) => u.archivedAt).map((u) => u.unitId));
  const archivedAdded = added.filter((id) => archived.has(id));
  if (archivedAdded.length)
    throw conflict(
      "unit.archived",
      `Archived units cannot join: ${archivedAdded.join(", ")}`,
      archivedAdded.map((id) => ({ path: `unitIds.${unitIds.indexOf(id)}`, message: "unit.archived" })),
    );
  const stillSeated = (id: string) => unitIds.includes(id);
  const after: BlocYear = {
    ...before,
    memberUnitIds: unitIds,
    // Seats follow membership: a unit that leaves loses its seat.
    ...(before.leaderUnitId && !stillSeated(before.leaderUnitId) ? { leaderUnitId: undefined } : {}),
    deputyUnitIds: before.deputyUnitIds.filter(stillSeated),
  };
  const inOtherBloc = (unitId: string) => () =>
    conflict("bloc.unit_in_other_bloc", `${unitId} already belongs to another bloc in ${year}`, [
      { path: `unitIds.${unitIds.indexOf(unitId)}`, message: "bloc.unit_in_other_bloc" },
    ]);
  return saveYear(edit, after, {
    reason,
    extra: [
      ...added.flatMap((unitId) => [
        memberJoined(year, unitId, blocId, inOtherBloc(unitId)),
        // Archived or deleted meanwhile: the read above is not the last word.
        unitActive(unitId, () => conflict("unit.archived", `${unitId} was archived or deleted meanwhile`)),
      ]),
      // A marker that is not this bloc's any more: the year moved under this edit.
      ...removed.map((unitId) => memberLeft(year, unitId, { blocId, conflict: stale })),
    ],
  });
}

/** Sets the leader and deputies for a year, under the bloc's rotation and eligibility rules. */
export async function setSeats(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocYear> {
  const { leaderUnitId, deputyUnitIds, version } = parseInput(SetSeatsInput, input);
  return saveSeats(actor, await yearForEdit(actor, blocId, year, version), leaderUnitId, deputyUnitIds);
}

/** Saves seats that keep the rules (members, rotation, eligibility), with the changes that must agree. */
async function saveSeats(
  actor: Actor,
  edit: Awaited<ReturnType<typeof yearForEdit>>,
  leaderUnitId: string | null,
  deputyUnitIds: string[],
  extra: Change[] = [],
): Promise<BlocYear> {
  const { before } = edit;
  const ctx = await seatContext(actor, before.blocId, before.year);
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
  return saveYear(edit, { ...before, leaderUnitId: leaderUnitId ?? undefined, deputyUnitIds }, { extra });
}

/**
 * Opens (launches) the year: fixes the criteria version, copies its table and a snapshot of the rules, so
 * later edits of either never rewrite this year. The board or the year's leader launches it.
 */
export async function openYear(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocYear> {
  const { theme, launchNote, version } = parseInput(OpenYearInput, input);
  const edit = await yearForEdit(actor, blocId, year, version, yearLeaders);
  const { scope, bloc, before } = edit;
  const rules = await effectiveRules(scope, blocId);
  if (!leadsYear(actor, before, rules)) throw forbidden("cycle.not_leader", "Only the board or the year's leader");
  if (before.status !== "planning") throw conflict("bloc_year.already_open", "This year is already open");
  if (bloc.criteriaVersion === 0) throw invalid("bloc.no_criteria", "Save a criteria table before opening the year");
  if (before.memberUnitIds.length === 0) throw invalid("bloc.no_members", "Add members before opening the year");
  const { data: criteria } = await scope.db.criteria.get({ blocId, version: bloc.criteriaVersion }).go();
  const after: BlocYear = {
    ...before,
    status: "open",
    phase: "registration",
    criteriaVersion: bloc.criteriaVersion,
    ...(theme ? { theme } : {}),
    ...(launchNote ? { launchNote } : {}),
  };
  return saveYear(edit, after, { opening: { rules, table: criteria?.table } });
}

/** Board, and units: the leader's officers (and deputies' where the rules say) act for the year. */
const yearLeaders: readonly Role[] = ["board", "unit"];

/** Whether the actor may lead the year: the board, the leader's officers, deputies' where the rules allow. */
export function leadsYear(actor: Actor, year: Pick<BlocYear, "leaderUnitId" | "deputyUnitIds">, rules: RuleSet) {
  if (actor.role === "board") return true;
  if (actor.role !== "unit" || !actor.unitId) return false;
  return (
    actor.unitId === year.leaderUnitId || (rules.leadership.deputiesAct && year.deputyUnitIds.includes(actor.unitId))
  );
}

/**
 * Moves a stored year's version without changing what it says, in the transaction of an undo made
 * elsewhere (a score sheet unlocked): a phase move that read the year before cannot pass after it.
 */
export const blocYearTouched = (stored: BlocYearRecord, onConflict: () => AppError): Change =>
  putVersioned(
    "blocYear",
    { ...stored, version: stored.version + 1, updatedAt: new Date().toISOString() },
    stored.version,
    { conflict: onConflict },
  );

/**
 * Seats the leader and deputies a year's vote elected for the next one (`year`), under the rotation and
 * eligibility rules, with the changes that must agree (the handover record of the year before). The
 * caller has checked that the actor leads the year before.
 */
export async function seatElected(
  actor: Actor,
  blocId: string,
  year: number,
  { leaderUnitId, deputyUnitIds, version }: { leaderUnitId: string; deputyUnitIds: string[]; version: number },
  extra: Change[],
): Promise<BlocYear> {
  const edit = await yearForEdit(actor, blocId, year, version, yearLeaders);
  return saveSeats(actor, edit, leaderUnitId, deputyUnitIds, extra);
}
