import { queryOptions } from "@tanstack/react-query";
import {
  type BlocQuotas,
  type ProvinceQuotas,
  type QuotaSetting,
  quotaFor,
  quotaModes,
  quotaRoundings,
} from "@thidua/core/quota/rules";
import { api, call, params } from "./client.ts";

/** `quotaFor` computes a line's `resulting` as the API does (shown while editing). */
export { type BlocQuotas, type ProvinceQuotas, quotaFor, quotaModes, quotaRoundings };
/** One award type's setting as the editor sends it. */
export type QuotaInput = QuotaSetting;
export type QuotaMode = (typeof quotaModes)[number];
export type Rounding = (typeof quotaRoundings)[number];

export const quotaKeys = {
  bloc: (blocId: string, year: number) => ["blocs", blocId, "years", year, "quotas"] as const,
  province: (year: number) => ["quotas", year] as const,
};

const { quotas: ofBloc } = api.quotas.blocs[":blocId"].years[":year"];

export const blocQuotasQuery = (blocId: string, year: number) =>
  queryOptions({
    queryKey: quotaKeys.bloc(blocId, year),
    queryFn: () => call(ofBloc.$get({ param: params({ blocId, year }) })),
  });

export const provinceQuotasQuery = (year: number) =>
  queryOptions({
    queryKey: quotaKeys.province(year),
    queryFn: () => call(api.quotas.years[":year"].quotas.$get({ param: params({ year }) })),
  });

export const saveBlocQuotas = (blocId: string, year: number, body: { items: QuotaInput[]; version: number }) =>
  call(ofBloc.$put({ param: params({ blocId, year }), json: body }));
