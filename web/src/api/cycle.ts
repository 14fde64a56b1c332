import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { Deadlines, MoveTarget, Phase } from "@thidua/core/cycle/rules";
import { blocKeys } from "./blocs.ts";
import { api, call, params } from "./client.ts";

export { dutyPhases, phases } from "@thidua/core/cycle/rules";
export type { Deadlines, MoveTarget, Phase };

/** Everything of a bloc-year sits under its key: one invalidation refreshes the year, its cycle, grid and ranking. */
export const cycleKeys = {
  /** Every bloc the caller sees with its year: the overview. */
  province: (year: number) => ["years", year, "cycles"] as const,
  cycle: (blocId: string, year: number) => [...blocKeys.year(blocId, year), "cycle"] as const,
  summaryDraft: (blocId: string, year: number) => [...blocKeys.year(blocId, year), "summary-draft"] as const,
};

const yearOf = (blocId: string, year: number) => ({
  route: api.cycle.blocs[":blocId"].years[":year"],
  param: params({ blocId, year }),
});
const memberOf = (blocId: string, year: number, unitId: string) => ({
  route: api.cycle.blocs[":blocId"].years[":year"].units[":unitId"],
  param: params({ blocId, year, unitId }),
});

const fetchCycle = (blocId: string, year: number) => {
  const { route, param } = yearOf(blocId, year);
  return call(route.cycle.$get({ param }));
};

/** Where a launched year stands; 409 `cycle.not_launched` while it is planned. */
export type CycleView = Awaited<ReturnType<typeof fetchCycle>>;
export type Participation = CycleView["participations"][number];
export type MemberProgress = CycleView["progress"][number];
export type Signed = NonNullable<Participation["covenant"]>;

export const cycleQuery = (blocId: string, year: number) =>
  queryOptions({ queryKey: cycleKeys.cycle(blocId, year), queryFn: () => fetchCycle(blocId, year) });

const fetchYearCycles = (year: number) => call(api.cycle.years[":year"].cycles.$get({ param: params({ year }) }));
export type YearCycle = Awaited<ReturnType<typeof fetchYearCycles>>["items"][number];

/** Every bloc the caller may see, each with its year (null until it is prepared), in one batch read. */
export const yearCyclesQuery = (year: number) =>
  queryOptions({ queryKey: cycleKeys.province(year), queryFn: () => fetchYearCycles(year) });

/** Asked when the leader opens the editor: always the latest reports. */
export const summaryDraftQuery = (blocId: string, year: number) =>
  queryOptions({
    queryKey: cycleKeys.summaryDraft(blocId, year),
    queryFn: () => {
      const { route, param } = yearOf(blocId, year);
      return call(route.cycle["summary-draft"].$get({ param }));
    },
    staleTime: 0,
  });

export const movePhase = (blocId: string, year: number, body: { to: MoveTarget; reason?: string; version: number }) => {
  const { route, param } = yearOf(blocId, year);
  return call(route.cycle.phase.$post({ param, json: body }));
};

export const setDeadlines = (blocId: string, year: number, body: { deadlines: Deadlines; version: number }) => {
  const { route, param } = yearOf(blocId, year);
  return call(route.cycle.deadlines.$put({ param, json: body }));
};

export const saveSummary = (
  blocId: string,
  year: number,
  body: { text: string; publish: boolean; version: number },
) => {
  const { route, param } = yearOf(blocId, year);
  return call(route.cycle.summary.$put({ param, json: body }));
};

export const register = (
  blocId: string,
  year: number,
  unitId: string,
  body: { targets: string[]; aims: string[]; version: number },
) => {
  const { route, param } = memberOf(blocId, year, unitId);
  return call(route.registration.$put({ param, json: body }));
};

export const signCovenant = (blocId: string, year: number, unitId: string, version: number) => {
  const { route, param } = memberOf(blocId, year, unitId);
  return call(route.covenant.$post({ param, json: { version } }));
};

export const fileReport = (
  blocId: string,
  year: number,
  unitId: string,
  body: { items: string[]; version: number },
) => {
  const { route, param } = memberOf(blocId, year, unitId);
  return call(route.report.$put({ param, json: body }));
};

/** A year's view answered by a move, a deadline or the summary: shown at once, the rest refetched. */
export function showCycle(queryClient: QueryClient, blocId: string, year: number, view: CycleView) {
  queryClient.setQueryData(cycleKeys.cycle(blocId, year), view);
  queryClient.setQueryData(blocKeys.year(blocId, year), view.year);
  void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year) });
  void queryClient.invalidateQueries({ queryKey: cycleKeys.province(year) });
}
