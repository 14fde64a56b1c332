import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { blocKeys } from "./blocs.ts";
import { api, call, params } from "./client.ts";
import { type CycleView, cycleKeys, type Participation } from "./cycle.ts";

export const scoreKeys = {
  grid: (blocId: string, year: number) => [...blocKeys.year(blocId, year), "scores"] as const,
  ranking: (blocId: string, year: number) => [...blocKeys.year(blocId, year), "ranking"] as const,
};

const yearRoute = () => api.scores.blocs[":blocId"].years[":year"];
const member = (blocId: string, year: number, unitId: string) => ({
  route: api.scores.blocs[":blocId"].years[":year"].units[":unitId"],
  param: params({ blocId, year, unitId }),
});

const fetchGrid = (blocId: string, year: number) => call(yearRoute().scores.$get({ param: params({ blocId, year }) }));
const fetchRanking = (blocId: string, year: number) =>
  call(yearRoute().ranking.$get({ param: params({ blocId, year }) }));

export type ScoreGrid = Awaited<ReturnType<typeof fetchGrid>>;
export type TableLine = ScoreGrid["lines"][number];
export type Ranking = Awaited<ReturnType<typeof fetchRanking>>;
export type RankingEntry = Ranking["entries"][number];
export type SelfLine = NonNullable<Participation["scores"]>["lines"][string];
export type EvidenceFile = SelfLine["files"][number];
export type EvidenceLink = SelfLine["links"][number];
export type VerifiedLine = NonNullable<Participation["verification"]>["lines"][string];

/** The table's lines and the sheets the caller may read (3 requests on the server). */
export const scoreGridQuery = (blocId: string, year: number) =>
  queryOptions({ queryKey: scoreKeys.grid(blocId, year), queryFn: () => fetchGrid(blocId, year) });

export const rankingQuery = (blocId: string, year: number) =>
  queryOptions({ queryKey: scoreKeys.ranking(blocId, year), queryFn: () => fetchRanking(blocId, year) });

export interface LineBody {
  points: number;
  note: string;
  links: { url: string; title?: string }[];
}

export const saveScores = (
  blocId: string,
  year: number,
  unitId: string,
  body: { lines: Record<string, LineBody>; version: number },
) => {
  const { route, param } = member(blocId, year, unitId);
  return call(route.scores.$put({ param, json: body }));
};

export const submitScores = (blocId: string, year: number, unitId: string, version: number) => {
  const { route, param } = member(blocId, year, unitId);
  return call(route.scores.submit.$post({ param, json: { version } }));
};

export const assignScorer = (
  blocId: string,
  year: number,
  unitId: string,
  body: { scorerUnitId: string | null; version: number },
) => {
  const { route, param } = member(blocId, year, unitId);
  return call(route.scorer.$put({ param, json: body }));
};

export const recuse = (blocId: string, year: number, unitId: string, body: { reason: string; version: number }) => {
  const { route, param } = member(blocId, year, unitId);
  return call(route.scorer.recuse.$post({ param, json: body }));
};

export const verifyLine = (
  blocId: string,
  year: number,
  unitId: string,
  lineId: string,
  body: { points: number; reason?: string; version: number },
) => {
  const route = api.scores.blocs[":blocId"].years[":year"].units[":unitId"].scores[":lineId"].verified;
  return call(route.$put({ param: params({ blocId, year, unitId, lineId }), json: body }));
};

export const lockSheet = (blocId: string, year: number, unitId: string, version: number) => {
  const { route, param } = member(blocId, year, unitId);
  return call(route.scores.lock.$post({ param, json: { version } }));
};

export const unlockSheet = (
  blocId: string,
  year: number,
  unitId: string,
  body: { reason: string; version: number },
) => {
  const { route, param } = member(blocId, year, unitId);
  return call(route.scores.unlock.$post({ param, json: body }));
};

const replacePart = (list: Participation[], part: Participation) =>
  list.map((p) => (p.unitId === part.unitId ? part : p));

/**
 * A member's part as a write answered it, shown at once in the year's view and the grid (the next write
 * must send its new version), then everything of the year refetched for what else moved (progress, totals).
 */
export function showPart(queryClient: QueryClient, blocId: string, year: number, part: Participation) {
  queryClient.setQueryData(cycleKeys.cycle(blocId, year), (view: CycleView | undefined) =>
    view ? { ...view, participations: replacePart(view.participations, part) } : view,
  );
  queryClient.setQueryData(scoreKeys.grid(blocId, year), (grid: ScoreGrid | undefined) =>
    grid ? { ...grid, participations: replacePart(grid.participations, part) } : grid,
  );
  void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year) });
}

/** The verifier's "the rest is as scored": every line not verified yet, at the unit's own points. */
export const acceptRemaining = (blocId: string, year: number, unitId: string, version: number) => {
  const { route, param } = member(blocId, year, unitId);
  return call(route.scores["accept-remaining"].$post({ param, json: { version } }));
};
