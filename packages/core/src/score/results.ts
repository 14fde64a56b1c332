import { z } from "zod";
import type { Actor } from "../actor.ts";
import { CriteriaTable } from "../criteria/criteria.rules.ts";
import { type YearContext, yearContext } from "../cycle/access.ts";
import { Participation } from "../cycle/cycle-view.rules.ts";
import { readableParticipations } from "../cycle/participation.ts";
import { conflict } from "../error.ts";
import { isUnderDiscipline } from "../unit/index.ts";
import { RankingEntry, rankUnits } from "./ranking.rules.ts";
import { TableLineView, totalsOf } from "./score.rules.ts";
import { linesOf, sheetOf, verificationOf } from "./sheet.ts";

/* What a year's scores add up to: the verification grid and the ranking, each from one read of the year. */

export const ScoreGrid = z
  .object({
    table: CriteriaTable,
    lines: z.array(TableLineView),
    /** Each readable sheet's total as the unit scored it and as verified so far. */
    totals: z.array(z.object({ unitId: z.string(), self: z.number(), verified: z.number() })),
    participations: z.array(Participation),
  })
  .meta({ id: "ScoreGrid" });
export type ScoreGrid = z.infer<typeof ScoreGrid>;

/** The verification grid, members × lines, from one read of the year (3 requests at most). */
export async function getScoreGrid(actor: Actor, blocId: string, year: number): Promise<ScoreGrid> {
  const ctx = await yearContext(actor, blocId, year);
  const lines = linesOf(ctx);
  const participations = readableParticipations(ctx);
  const { allowNegative } = ctx.rules.scale;
  return {
    table: ctx.table as CriteriaTable,
    lines,
    totals: participations.map(({ unitId }) => {
      const self = sheetOf(ctx, unitId).lines;
      const verified = verificationOf(ctx, unitId).lines;
      return {
        unitId,
        self: totalsOf(lines, (id) => self[id]?.points, allowNegative).total,
        verified: totalsOf(lines, (id) => verified[id]?.points, allowNegative).total,
      };
    }),
    participations,
  };
}

/** The ranking of a verified year: from verified scores, in the rules' tie-break order. */
export const Ranking = z.object({ entries: z.array(RankingEntry), complete: z.boolean() }).meta({ id: "Ranking" });
export type Ranking = z.infer<typeof Ranking>;

/**
 * The ranking from the same read as the grid, with the units' discipline flags (3 requests): verified
 * points, missing lines count 0; `complete` once every sheet is locked.
 */
export async function getRanking(actor: Actor, blocId: string, year: number): Promise<Ranking> {
  const ctx = await yearContext(actor, blocId, year, { units: true });
  const phase = ctx.year.status === "closed" ? "closed" : (ctx.year.phase ?? "registration");
  const visible = ctx.leads || actor.role === "council" || phase === "ranked" || phase === "closed";
  if (!visible) throw conflict("cycle.wrong_phase", "The ranking is shown once the year is ranked");
  return rankingOf(ctx);
}

/** The year's ranking from verified points; units under discipline that year take no rank when the rules say so (needs `units`). */
export function rankingOf(ctx: YearContext): Ranking {
  const excluded = ctx.rules.eligibility.disciplineExcludes
    ? new Set(ctx.units.filter((u) => isUnderDiscipline(u, ctx.year.year)).map((u) => u.unitId))
    : new Set<string>();
  const lines = linesOf(ctx);
  const table = ctx.table as CriteriaTable;
  const members = ctx.year.memberUnitIds;
  const entries = rankUnits(
    members.map((unitId) => {
      const verified = verificationOf(ctx, unitId).lines;
      return {
        unitId,
        eligible: !excluded.has(unitId),
        totals: totalsOf(lines, (id) => verified[id]?.points, ctx.rules.scale.allowNegative),
      };
    }),
    table.groups[0]?.id,
    ctx.rules.ranking.tieBreak,
  );
  return { entries, complete: members.every((id) => !!verificationOf(ctx, id).locked) };
}
