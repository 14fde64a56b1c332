import type { YearContext } from "../cycle/access.ts";
import type { Handover, MidYearSummary, Signed } from "../cycle/cycle.rules.ts";
import { rankingOf } from "../score/results.ts";
import type { MidYearReportData, YearEndReportData } from "./document.rules.ts";
import { standingProposals } from "./proposal-content.ts";
import { calendarDay, commonSources, isRanked, lastDay, namesOf, notReady, vietnamDay } from "./sources.ts";

/*
 * The bloc's reports: the mid-year report once the leader has published the mid-year summary, the draft of
 * the year-end report once the year is ranked. Both open with the bloc as it stood that year.
 */

/** The bloc as the reports open with it: members, leader, deputies, theme, the day the covenant was complete. */
async function reportBase(ctx: YearContext) {
  const names = namesOf(ctx);
  const name = (id: string) => names[id] ?? id;
  const { bloc, letterhead, awardName, awardOrder } = await commonSources(ctx);
  const members = ctx.year.memberUnitIds;
  const signed = members.map((id) => ctx.participations.get(id)?.covenant as Signed | undefined);
  return {
    awardName,
    awardOrder,
    base: {
      letterhead,
      bloc,
      year: ctx.year.year,
      ...(ctx.year.theme ? { theme: ctx.year.theme } : {}),
      members: members.map(name),
      leader: name(ctx.year.leaderUnitId ?? ""),
      deputies: ctx.year.deputyUnitIds.map(name),
      ...(members.length && signed.every(Boolean) ? { covenant: lastDay(signed.map((s) => (s as Signed).at)) } : {}),
    },
  };
}

export async function midYearReportData(ctx: YearContext): Promise<MidYearReportData> {
  const summary = ctx.stored.summary as MidYearSummary | undefined;
  if (!summary?.published) throw notReady("document.no_mid_year_summary", "Publish the mid-year summary first");
  const { base } = await reportBase(ctx);
  const { scoring, verification } = ctx.year.deadlines ?? {};
  return {
    ...base,
    date: vietnamDay(summary.published.at),
    summary: summary.text,
    deadlines: {
      ...(scoring ? { scoring: calendarDay(scoring) } : {}),
      ...(verification ? { verification: calendarDay(verification) } : {}),
    },
  };
}

export async function yearEndReportData(ctx: YearContext): Promise<YearEndReportData> {
  if (!isRanked(ctx) || !ctx.table) throw notReady("document.not_ranked", "Rank the year first");
  const { base, awardName, awardOrder } = await reportBase(ctx);
  const names = namesOf(ctx);
  const summary = ctx.stored.summary as MidYearSummary | undefined;
  const handover = ctx.stored.handover as Handover | undefined;
  const { awards } = await standingProposals(ctx, awardName, awardOrder);
  return {
    ...base,
    date: vietnamDay(new Date().toISOString()),
    ...(summary?.published ? { midYear: vietnamDay(summary.published.at) } : {}),
    ranking: rankingOf(ctx).entries.map((e) => ({ unit: names[e.unitId] ?? e.unitId, total: e.total, rank: e.rank })),
    proposals: awards,
    ...(handover
      ? {
          next: {
            leader: names[handover.leaderUnitId] ?? handover.leaderUnitId,
            deputies: handover.deputyUnitIds.map((id) => names[id] ?? id),
          },
        }
      : {}),
  };
}
