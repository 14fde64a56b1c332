import { awardTypesOf } from "../award/index.ts";
import type { YearContext } from "../cycle/access.ts";
import { conflict, notFound } from "../error.ts";
import type { DocumentDate } from "./document.rules.ts";
import type { Letterhead } from "./letterhead.rules.ts";
import { readLetterhead } from "./letterhead.ts";

/* What every document of a bloc-year reads besides the year itself: names, the letterhead, days. */

/** The steps a document may wait for, each named in the 409 that refuses it. */
export type Step =
  | "document.no_closed_ballot"
  | "document.not_ranked"
  | "document.covenant_unsigned"
  | "document.registration_missing"
  | "document.no_mid_year_summary"
  | "document.no_proposal"
  | "document.not_approved";

export const notReady = (step: Step, message: string) =>
  conflict("document.not_ready", message, [{ path: "kind", message: step }]);

/** The calendar day of an instant in Vietnam (UTC+7). */
export function vietnamDay(instant: string): Required<DocumentDate> {
  const d = new Date(new Date(instant).getTime() + 7 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A yyyy-mm-dd day (a deadline, a decision's date) as a document's date. */
export function calendarDay(iso: string): DocumentDate {
  const [year, month, day] = iso.split("-").map(Number);
  return { year: year ?? 0, month, day };
}

/** The day of the latest of these instants (the day a list or a covenant is complete); today without any. */
export const lastDay = (instants: string[]) => vietnamDay([...instants].sort().at(-1) ?? new Date().toISOString());

export async function blocName(ctx: YearContext): Promise<string> {
  const { data } = await ctx.scope.db.bloc.get({ blocId: ctx.year.blocId }).go();
  if (!data) throw notFound("bloc.not_found");
  return data.name;
}

/**
 * The province's letterhead, as its board set it: a document never goes out under a made-up header, so
 * without one the request answers 409 `document.no_letterhead` (the dashboard points to the settings page).
 */
export async function letterheadOf(ctx: YearContext): Promise<Letterhead> {
  const { letterhead } = await readLetterhead(ctx.scope);
  if (!letterhead)
    throw conflict("document.no_letterhead", "Set the province's letterhead first", [
      { path: "kind", message: "document.no_letterhead" },
    ]);
  return letterhead;
}

/** The bloc's name, the letterhead and the award types (names, order), read together. */
export async function commonSources(ctx: YearContext) {
  const [bloc, letterhead, awardTypes] = await Promise.all([blocName(ctx), letterheadOf(ctx), awardTypesOf(ctx.scope)]);
  const awardName = (id: string) => awardTypes.find((a) => a.awardTypeId === id)?.name ?? id;
  /** The province's award types in its order: documents list awards so. */
  const awardOrder = awardTypes.map((a) => a.awardTypeId);
  return { bloc, letterhead, awardTypes, awardName, awardOrder };
}

/** The province's units' names by id (the context read with `units`). */
export const namesOf = (ctx: YearContext): Record<string, string> =>
  Object.fromEntries(ctx.units.map((u) => [u.unitId, u.name]));

/** The year's ranking is final: ranked, or closed after it. */
export const isRanked = (ctx: YearContext) => ctx.year.status === "closed" || ctx.year.phase === "ranked";
