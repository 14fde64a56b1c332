import type { Actor } from "../actor.ts";
import type { BlocYear } from "../bloc/bloc.rules.ts";
import { assertBlocActive, blocActive } from "../bloc/bloc.ts";
import { type BlocYearRecord, blocYearTouched, blocYearView, leadsYear } from "../bloc/bloc-year.ts";
import type { CriteriaTable } from "../criteria/criteria.rules.ts";
import type { ProvinceItem } from "../db/province.ts";
import { itemRead, readTogether } from "../db/read.ts";
import { type ProvinceScope, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, checkItem } from "../db/write.ts";
import { conflict, forbidden, notFound } from "../error.ts";
import { defaultRules, type RuleOverride, type RuleSet, resolveRules } from "../rules/rule-set.rules.ts";
import { unitsOf } from "../unit/index.ts";
import type { Unit } from "../unit/unit.rules.ts";
import type { Phase } from "./cycle.rules.ts";

export type ParticipationRecord = ProvinceItem<"participation">;

/** A bloc-year as one caller reaches it: what they may see of it and what they may do in it. */
export interface YearContext {
  scope: ProvinceScope;
  stored: BlocYearRecord;
  year: BlocYear;
  /** The rules the year launched under (a snapshot taken before a section existed reads its defaults). */
  rules: RuleSet;
  table: CriteriaTable | undefined;
  participations: Map<string, ParticipationRecord>;
  /** The province's units, when asked for. */
  units: Unit[];
  /** The board, the leader's officers, the deputies' where the rules allow. */
  leads: boolean;
  /** The caller's own unit when it is a member of the year. */
  ownUnitId: string | undefined;
}

/**
 * Reads a launched bloc-year with every member's participation: the year with its snapshots and one query
 * of the year's partition, in parallel; the bloc too for a council member (whom it lists) and for a write
 * (an archived bloc's years are frozen); the province's units with `units` (discipline, names). A caller
 * who may not see the year gets 404, as for a bloc of another province: the board sees every year, a
 * council member the blocs they follow, a unit the years it is a member of.
 */
export async function yearContext(
  actor: Actor,
  blocId: string,
  year: number,
  {
    write = false,
    units = false,
    parts = true,
  }: {
    write?: boolean;
    units?: boolean /** false: without the members' parts (a page that needs none). */;
    parts?: boolean;
  } = {},
): Promise<YearContext> {
  const scope = provinceScope(actor, provinceReaders);
  const withBloc = write || actor.role === "council";
  const [[bloc, record], participations, unitList] = await Promise.all([
    // The bloc and the year in one read when both are needed.
    withBloc
      ? readTogether([itemRead(scope.db.bloc, { blocId }), itemRead(scope.db.blocYear, { blocId, year })] as const)
      : scope.db.blocYear
          .get({ blocId, year })
          .go()
          .then(({ data }) => [undefined, data ?? undefined] as const),
    // Bounded by the year's members (a bloc has a few dozen at most).
    parts ? scope.db.participation.query.byYear({ blocId, year }).go({ pages: "all" }) : { data: [] },
    units ? unitsOf(scope) : [],
  ]);
  if (withBloc && !bloc) throw notFound("bloc.not_found");
  const member = actor.role === "unit" && !!actor.unitId && !!record?.memberUnitIds.includes(actor.unitId);
  const visible =
    actor.role === "board" || member || (actor.role === "council" && !!bloc?.councilEmails.includes(actor.email));
  if (!visible) throw notFound("bloc.not_found");
  if (!record) {
    // Nothing saved for the year: a bloc of the province not launched yet, or no such bloc at all.
    const exists = withBloc ? bloc : (await scope.db.bloc.get({ blocId }).go()).data;
    if (!exists) throw notFound("bloc.not_found");
  }
  if (!record || record.status === "planning") throw conflict("cycle.not_launched", "This year is not launched yet");
  if (write && bloc) assertBlocActive(bloc);
  const rules = resolveRules(defaultRules, record.rules as RuleOverride | undefined);
  return {
    scope,
    stored: record,
    year: blocYearView(record),
    rules,
    table: record.table as CriteriaTable | undefined,
    participations: new Map(participations.data.map((p) => [p.unitId, p])),
    units: unitList,
    leads: leadsYear(actor, record, rules),
    ownUnitId: member ? actor.unitId : undefined,
  };
}

/** The phase a launched, open year is in; a closed year answers 409. */
export function currentPhase(ctx: YearContext): Phase {
  if (ctx.year.status === "closed") throw conflict("bloc_year.closed", "This year is closed");
  return ctx.year.phase ?? "registration";
}

/** Refuses unless the year is in `phase` (409 naming the phase it is in). */
export function assertPhase(ctx: YearContext, ...allowed: Phase[]): Phase {
  const phase = currentPhase(ctx);
  if (!allowed.includes(phase))
    throw conflict("cycle.wrong_phase", `This can be done in ${allowed.join(", ")}; the year is in ${phase}`, [
      { path: "phase", message: `cycle.phase.${phase}` },
    ]);
  return phase;
}

export function assertLeads(ctx: YearContext) {
  if (!ctx.leads) throw forbidden("cycle.not_leader", "Only the board or the year's leader");
}

/**
 * A unit acts for itself only: another member of the year answers 403, a unit outside the year 404.
 * The board may act for any member.
 */
export function assertOwnUnit(ctx: YearContext, unitId: string) {
  if (!ctx.year.memberUnitIds.includes(unitId)) throw notFound("unit.not_found");
  if (ctx.scope.actor.role === "board") return;
  if (ctx.ownUnitId !== unitId) throw forbidden("cycle.not_your_unit", "A unit acts for itself only");
}

const moved = () => conflict("cycle.moved", "The year moved on meanwhile; reload");

/**
 * Commits only while the year is still in `phase`, `unitId` (if any) still a member and the bloc not archived: a
 * phase moved, a member removed or the bloc archived between the read and the write answers 409. With
 * `touch` (an undo, such as an unlocked sheet), the year's version moves too, so a phase move that read
 * the year before cannot pass after it (its version condition implies the rest).
 */
export const yearStillIn = (ctx: YearContext, phase: Phase, unitId?: string, { touch = false } = {}): Change[] => [
  touch
    ? blocYearTouched(ctx.stored, moved)
    : checkItem(
        "blocYear",
        { blocId: ctx.year.blocId, year: ctx.year.year },
        (attr, op) =>
          // A year launched before phases existed has none stored: it reads as registration.
          [
            op.eq(attr.status, "open"),
            ctx.stored.phase ? op.eq(attr.phase, phase) : op.notExists(attr.phase),
            ...(unitId ? [op.contains(attr.memberUnitIds, unitId)] : []),
          ].join(" AND "),
        moved,
      ),
  blocActive(ctx.year.blocId),
];
