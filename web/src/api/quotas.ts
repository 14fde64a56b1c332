import { queryOptions } from "@tanstack/react-query";
import {
  BlocQuotas,
  ProvinceQuotas,
  type QuotaSetting,
  quotaFor,
  quotaModes,
  quotaRoundings,
} from "@thidua/core/quota/rules";
import { request, seg } from "./client.ts";

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

const blocPath = (blocId: string, year: number) => `/api/blocs/${seg(blocId)}/years/${seg(year)}/quotas`;

export const blocQuotasQuery = (blocId: string, year: number) =>
  queryOptions({ queryKey: quotaKeys.bloc(blocId, year), queryFn: () => request(blocPath(blocId, year), BlocQuotas) });

export const provinceQuotasQuery = (year: number) =>
  queryOptions({
    queryKey: quotaKeys.province(year),
    queryFn: () => request(`/api/years/${seg(year)}/quotas`, ProvinceQuotas),
  });

export const saveBlocQuotas = (blocId: string, year: number, body: { items: QuotaInput[]; version: number }) =>
  request(blocPath(blocId, year), BlocQuotas, { method: "PUT", body });
