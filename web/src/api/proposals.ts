import { type QueryClient, queryOptions } from "@tanstack/react-query";
import {
  type DecideInput,
  type EnterAwardInput,
  holdingStatuses,
  type Proposal,
  type ProposalStatus,
  type ProposeInput,
  proposalStatuses,
  type UnitAward,
} from "@thidua/core/proposal/rules";
import type { z } from "zod";
import { blocKeys } from "./blocs.ts";
import { api, call, params } from "./client.ts";

export { holdingStatuses, type Proposal, type ProposalStatus, proposalStatuses, type UnitAward };
export type DecideBody = z.input<typeof DecideInput>;
export type ProposeBody = z.input<typeof ProposeInput>;
export type EnterAwardBody = z.input<typeof EnterAwardInput>;

/** The one key of a proposal within a year: a unit is proposed once per award type in its bloc. */
export type ProposalKey = Pick<Proposal, "blocId" | "year" | "awardTypeId" | "unitId">;
export const proposalId = (p: ProposalKey): string => `${p.blocId}/${p.awardTypeId}/${p.unitId}`;

/** A bloc-year's proposals sit under the year's key (a phase move or a conflict refreshes them); the board's queue has its own. */
export const proposalKeys = {
  bloc: (blocId: string, year: number) => [...blocKeys.year(blocId, year), "proposals"] as const,
  queue: (year: number) => ["proposals", year] as const,
  awards: (unitId: string) => ["units", unitId, "awards"] as const,
};

const yearRoute = () => api.proposals.blocs[":blocId"].years[":year"].proposals;
const oneRoute = (p: ProposalKey) => ({
  route: api.proposals.blocs[":blocId"].years[":year"].proposals[":awardTypeId"][":unitId"],
  param: params({ blocId: p.blocId, year: p.year, awardTypeId: p.awardTypeId, unitId: p.unitId }),
});

export const blocProposalsQuery = (blocId: string, year: number) =>
  queryOptions({
    queryKey: proposalKeys.bloc(blocId, year),
    queryFn: async (): Promise<Proposal[]> => (await call(yearRoute().$get({ param: params({ blocId, year }) }))).items,
  });

/** The board's queue: every proposal of the province for the year, in one read. */
export const proposalQueueQuery = (year: number) =>
  queryOptions({
    queryKey: proposalKeys.queue(year),
    queryFn: async (): Promise<Proposal[]> =>
      (await call(api.proposals.proposals.$get({ query: { year: String(year) } }))).items,
  });

export const unitAwardsQuery = (unitId: string) =>
  queryOptions({
    queryKey: proposalKeys.awards(unitId),
    queryFn: async (): Promise<UnitAward[]> =>
      (await call(api.proposals.units[":unitId"].awards.$get({ param: params({ unitId }) }))).items,
  });

export const propose = (blocId: string, year: number, body: ProposeBody) =>
  call(yearRoute().$post({ param: params({ blocId, year }), json: body }));

export const withdrawProposal = (p: ProposalKey, version: number) => {
  const { route, param } = oneRoute(p);
  return call(route.withdraw.$post({ param, json: { version } }));
};

export const decideProposal = (p: ProposalKey, body: DecideBody) => {
  const { route, param } = oneRoute(p);
  return call(route.decision.$post({ param, json: body }));
};

export const enterAward = (unitId: string, body: EnterAwardBody) =>
  call(api.proposals.units[":unitId"].awards.$post({ param: params({ unitId }), json: body }));

const replaced = (list: Proposal[] | undefined, p: Proposal) =>
  list && [...list.filter((q) => proposalId(q) !== proposalId(p)), p];

/**
 * A proposal as a write answered it, shown at once in the bloc's list and the board's queue (the next
 * write must send its new version); then both refetched, and the unit's awards when one was approved.
 */
export function showProposal(queryClient: QueryClient, p: Proposal) {
  queryClient.setQueryData(proposalKeys.bloc(p.blocId, p.year), (list: Proposal[] | undefined) => replaced(list, p));
  queryClient.setQueryData(proposalKeys.queue(p.year), (list: Proposal[] | undefined) => replaced(list, p));
  void queryClient.invalidateQueries({ queryKey: proposalKeys.bloc(p.blocId, p.year) });
  void queryClient.invalidateQueries({ queryKey: proposalKeys.queue(p.year) });
  if (p.status === "approved") void queryClient.invalidateQueries({ queryKey: proposalKeys.awards(p.unitId) });
}
