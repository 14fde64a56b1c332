import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { Ballot, BallotKind, OpenBallotInput } from "@thidua/core/ballot/rules";
import { blocKeys } from "./blocs.ts";
import { api, call, params } from "./client.ts";
import { type CycleView, showCycle } from "./cycle.ts";

export { type MinutesRound, minutesOf } from "@thidua/core/ballot/minutes";
export { ballotKinds } from "@thidua/core/ballot/rules";
export type { Ballot, BallotKind, OpenBallotInput };

/** Under the year's key: the year's invalidation (a phase move, a conflict) refreshes the ballots too. */
export const ballotKeys = {
  list: (blocId: string, year: number) => [...blocKeys.year(blocId, year), "ballots"] as const,
};

const yearOf = (blocId: string, year: number) => ({
  route: api.ballots.blocs[":blocId"].years[":year"],
  param: params({ blocId, year }),
});
const ballotOf = (blocId: string, year: number, ballotId: string) => ({
  route: api.ballots.blocs[":blocId"].years[":year"].ballots[":ballotId"],
  param: params({ blocId, year, ballotId }),
});

/**
 * The year's ballots: who has voted while open (never what), the count once closed. `refetchInterval`
 * is left to the screen: the conference and the voting page follow an open vote live.
 */
export const ballotsQuery = (blocId: string, year: number) =>
  queryOptions({
    queryKey: ballotKeys.list(blocId, year),
    queryFn: async (): Promise<Ballot[]> => {
      const { route, param } = yearOf(blocId, year);
      return (await call(route.ballots.$get({ param }))).items;
    },
  });

export const openBallot = (blocId: string, year: number, body: OpenBallotInput) => {
  const { route, param } = yearOf(blocId, year);
  return call(route.ballots.$post({ param, json: body }));
};

export const setPresence = (
  blocId: string,
  year: number,
  ballotId: string,
  body: { present: string[]; version: number },
) => {
  const { route, param } = ballotOf(blocId, year, ballotId);
  return call(route.presence.$put({ param, json: body }));
};

export const castVote = (
  blocId: string,
  year: number,
  ballotId: string,
  body: { unitId: string; choices: string[] },
) => {
  const { route, param } = ballotOf(blocId, year, ballotId);
  return call(route.votes.$post({ param, json: body }));
};

export const closeBallot = (blocId: string, year: number, ballotId: string, version: number) => {
  const { route, param } = ballotOf(blocId, year, ballotId);
  return call(route.close.$post({ param, json: { version } }));
};

/** The outgoing leader hands over: the elected take next year's seats (`nextYearVersion`: next year as read). */
export const handOver = (blocId: string, year: number, body: { note: string; nextYearVersion: number }) => {
  const { route, param } = yearOf(blocId, year);
  return call(route.handover.$post({ param, json: body }));
};

/** A ballot a write answered, shown at once (the next write sends its version), then the list refetched. */
export function showBallot(queryClient: QueryClient, blocId: string, year: number, ballot: Ballot) {
  const key = ballotKeys.list(blocId, year);
  queryClient.setQueryData(key, (list: Ballot[] | undefined) =>
    list?.some((b) => b.ballotId === ballot.ballotId)
      ? list.map((b) => (b.ballotId === ballot.ballotId ? ballot : b))
      : [...(list ?? []), ballot],
  );
  void queryClient.invalidateQueries({ queryKey: key });
}

/** After the handover: this year's view as answered, and next year, whose seats it filled, read again. */
export function showHandover(queryClient: QueryClient, blocId: string, year: number, view: CycleView) {
  showCycle(queryClient, blocId, year, view);
  void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year + 1) });
}
