import { queryOptions } from "@tanstack/react-query";
import type { SaveCriteriaInput } from "@thidua/core/criteria/rules";
import { api, call, params } from "./client.ts";

export type {
  AdjustmentItem,
  CriteriaGroup,
  CriteriaTable,
  CriteriaView,
  Criterion,
} from "@thidua/core/criteria/rules";

export const criteriaKeys = {
  current: (blocId: string) => ["blocs", blocId, "criteria"] as const,
  version: (blocId: string, version: number) => ["blocs", blocId, "criteria", "versions", version] as const,
};

const criteria = api.criteria.blocs[":blocId"].criteria;

/** The bloc's current table (version 0 and a null table until one is saved) and the scale it must fit. */
export const criteriaQuery = (blocId: string) =>
  queryOptions({
    queryKey: criteriaKeys.current(blocId),
    queryFn: () => call(criteria.$get({ param: params({ blocId }) })),
  });

/** A saved version never changes: read it once. */
export const criteriaVersionQuery = (blocId: string, version: number) =>
  queryOptions({
    queryKey: criteriaKeys.version(blocId, version),
    queryFn: () => call(criteria.versions[":version"].$get({ param: params({ blocId, version }) })),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Saves a new version on top of `baseVersion` (the one read); 409 `criteria.stale` when someone saved first. */
export const saveCriteria = (blocId: string, body: SaveCriteriaInput) =>
  call(criteria.$put({ param: params({ blocId }), json: body }));
