import { queryOptions } from "@tanstack/react-query";
import { api, call, params } from "./client.ts";

export const nationalKeys = {
  all: ["national"] as const,
  overview: (year: number) => [...nationalKeys.all, "overview", year] as const,
  province: (tenantId: string, year: number) => [...nationalKeys.all, "province", tenantId, year] as const,
};

const { national } = api.national;

const fetchOverview = (year: number) => call(national.overview.$get({ query: { year: String(year) } }));
const fetchProvince = (tenantId: string, year: number) =>
  call(national.provinces[":tenantId"].$get({ param: params({ tenantId }), query: { year: String(year) } }));

export type NationalOverview = Awaited<ReturnType<typeof fetchOverview>>;
/** One province's figures in the overview: without its blocs' rows. */
export type OverviewItem = NationalOverview["items"][number];
export type OverviewFigures = OverviewItem["figures"];
export type NationalSummary = Awaited<ReturnType<typeof fetchProvince>>;
export type NationalBlocRow = NationalSummary["figures"]["blocRows"][number];
export type Duties = OverviewFigures["duties"];

/**
 * The aggregator rewrites the figures a few seconds after each change in a province: while the page is
 * open they are read again every minute (react-query pauses this in a hidden tab).
 */
const REFRESH_MS = 60_000;

/** Every province's figures of a year, in one read. */
export const nationalOverviewQuery = (year: number) =>
  queryOptions({
    queryKey: nationalKeys.overview(year),
    queryFn: () => fetchOverview(year),
    refetchInterval: REFRESH_MS,
  });

/** One province's figures with its blocs and clusters; `national.not_found` until the province has any that year. */
export const nationalProvinceQuery = (tenantId: string, year: number) =>
  queryOptions({
    queryKey: nationalKeys.province(tenantId, year),
    queryFn: () => fetchProvince(tenantId, year),
    refetchInterval: REFRESH_MS,
  });
