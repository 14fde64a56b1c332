import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { request, seg } from "./client.ts";

export const tieBreaks = ["revote", "higher_score", "board_decides"] as const;

// The API's RuleSet (a province's regulation as settings; packages/core rules.rules.ts is not exported to the web).
export const RuleSet = z.object({
  scale: z.object({ total: z.number(), bonusMax: z.number(), allowNegative: z.boolean() }),
  ballot: z.object({
    secret: z.boolean(),
    /** Shares 0–1; the form shows percentages. */
    quorum: z.number(),
    threshold: z.number(),
    tie: z.enum(tieBreaks),
  }),
  rotation: z.object({ noConsecutiveLeader: z.boolean() }),
  eligibility: z.object({ disciplineExcludes: z.boolean() }),
  caps: z.object({ governmentFlagShareOfProvincialFlags: z.number() }),
});
export type RuleSet = z.infer<typeof RuleSet>;

/** Only the settings one level (province or bloc) changes from the level above. */
export const RuleOverride = z
  .object({
    scale: RuleSet.shape.scale.partial(),
    ballot: RuleSet.shape.ballot.partial(),
    rotation: RuleSet.shape.rotation.partial(),
    eligibility: RuleSet.shape.eligibility.partial(),
    caps: RuleSet.shape.caps.partial(),
  })
  .partial();
export type RuleOverride = z.infer<typeof RuleOverride>;

const RulesView = z.object({ rules: RuleSet, override: RuleOverride, version: z.number().int() });
export type RulesView = z.infer<typeof RulesView>;

/** The shipped defaults (DOMAIN.md), the level above a province's own rules. */
export const defaultRules: RuleSet = {
  scale: { total: 100, bonusMax: 10, allowNegative: false },
  ballot: { secret: true, quorum: 2 / 3, threshold: 0.5, tie: "revote" },
  rotation: { noConsecutiveLeader: true },
  eligibility: { disciplineExcludes: true },
  caps: { governmentFlagShareOfProvincialFlags: 0.2 },
};

/** Whose rules: the province's, or one bloc's overrides on top of them. */
export type RulesScope = { blocId: string } | "province";

const path = (scope: RulesScope) => (scope === "province" ? "/api/rules" : `/api/blocs/${seg(scope.blocId)}/rules`);

export const rulesKeys = {
  scope: (scope: RulesScope) =>
    scope === "province" ? (["rules"] as const) : (["blocs", scope.blocId, "rules"] as const),
};

export const rulesQuery = (scope: RulesScope) =>
  queryOptions({ queryKey: rulesKeys.scope(scope), queryFn: () => request(path(scope), RulesView) });

export const updateRules = (scope: RulesScope, body: { rules: RuleOverride; version: number }) =>
  request(path(scope), RulesView, { method: "PUT", body });
