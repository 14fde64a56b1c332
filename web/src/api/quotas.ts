import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { request, seg } from "./client.ts";

export const quotaModes = ["count", "percent"] as const;
export const roundings = ["down", "up", "nearest"] as const;
export type QuotaMode = (typeof quotaModes)[number];
export type Rounding = (typeof roundings)[number];

const Quota = z.object({
  awardTypeId: z.string(),
  mode: z.enum(quotaModes),
  /** A whole number of awards (up to 1000), or a whole percentage (0–100) of the members. */
  value: z.number(),
  rounding: z.enum(roundings),
  /** The number of awards it comes to for this year's members. */
  resulting: z.number(),
});
export type Quota = z.infer<typeof Quota>;
export type QuotaInput = Omit<Quota, "resulting">;

const BlocQuotas = z.object({ items: z.array(Quota), memberCount: z.number().int(), version: z.number().int() });
export type BlocQuotas = z.infer<typeof BlocQuotas>;

const ProvinceQuotas = z.object({
  blocs: z.array(
    z.object({
      blocId: z.string(),
      name: z.string(),
      memberCount: z.number().int(),
      quotas: z.record(z.string(), z.number()),
    }),
  ),
  totals: z.record(z.string(), z.number()),
  caps: z.object({ governmentFlag: z.object({ share: z.number(), max: z.number() }) }),
  warnings: z.array(z.looseObject({ code: z.string() })),
});
export type ProvinceQuotas = z.infer<typeof ProvinceQuotas>;

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

/** What a quota comes to for `members` units, as the API computes `resulting` (shown while editing). */
export function resultingQuota({ mode, value, rounding }: QuotaInput, members: number): number {
  if (mode === "count") return Math.max(0, value);
  // Whole percent × whole members: the division is the only rounding.
  const exact = (value * Math.max(0, members)) / 100;
  return Math.max(
    0,
    rounding === "down" ? Math.floor(exact) : rounding === "up" ? Math.ceil(exact) : Math.round(exact),
  );
}
