import { queryOptions } from "@tanstack/react-query";
import { defaultRules, RuleOverride, RuleSet, type UpdateRulesInput } from "@thidua/core/rules/rules";
import { z } from "zod";
import { request, seg } from "./client.ts";

/** The province's regulation as settings; `defaultRules` are the shipped ones (DOMAIN.md), the level above. */
export { defaultRules, RuleOverride, RuleSet };

export const tieBreaks = RuleSet.shape.ballot.shape.tie.options;

const RulesView = z.object({ rules: RuleSet, override: RuleOverride, version: z.number().int() });
export type RulesView = z.infer<typeof RulesView>;

/** Whose rules: the province's, or one bloc's overrides on top of them. */
export type RulesScope = { blocId: string } | "province";

const path = (scope: RulesScope) => (scope === "province" ? "/api/rules" : `/api/blocs/${seg(scope.blocId)}/rules`);

export const rulesKeys = {
  scope: (scope: RulesScope) =>
    scope === "province" ? (["rules"] as const) : (["blocs", scope.blocId, "rules"] as const),
};

export const rulesQuery = (scope: RulesScope) =>
  queryOptions({ queryKey: rulesKeys.scope(scope), queryFn: () => request(path(scope), RulesView) });

export const updateRules = (scope: RulesScope, body: z.input<typeof UpdateRulesInput>) =>
  request(path(scope), RulesView, { method: "PUT", body });
