import { queryOptions } from "@tanstack/react-query";
import { defaultRules, RuleOverride, RuleSet, type UpdateRulesInput } from "@thidua/core/rules/rules";
import type { z } from "zod";
import { api, call, params } from "./client.ts";

/** The province's regulation as settings; `defaultRules` are the shipped ones (DOMAIN.md), the level above. */
export { defaultRules, RuleOverride, RuleSet };

export interface RulesView {
  rules: RuleSet;
  override: RuleOverride;
  version: number;
}

/** Whose rules: the province's, or one bloc's overrides on top of them. */
export type RulesScope = { blocId: string } | "province";

export const rulesKeys = {
  scope: (scope: RulesScope) =>
    scope === "province" ? (["rules"] as const) : (["blocs", scope.blocId, "rules"] as const),
};

const { rules: province, blocs } = api.rules;

export const rulesQuery = (scope: RulesScope) =>
  queryOptions({
    queryKey: rulesKeys.scope(scope),
    queryFn: (): Promise<RulesView> =>
      scope === "province"
        ? call(province.$get())
        : call(blocs[":blocId"].rules.$get({ param: params({ blocId: scope.blocId }) })),
  });

export const updateRules = (scope: RulesScope, body: z.input<typeof UpdateRulesInput>): Promise<RulesView> =>
  scope === "province"
    ? call(province.$put({ json: body }))
    : call(blocs[":blocId"].rules.$put({ param: params({ blocId: scope.blocId }), json: body }));
