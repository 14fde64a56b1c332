import { z } from "zod";
import { ReadVersion } from "../edit/edit.rules.ts";

/**
 * Ways to order equal totals: the higher score in the table's first group, fewer penalty points,
 * more bonus points.
 */
export const rankingTieBreaks = ["first_group", "fewer_penalties", "more_bonus"] as const;

/**
 * A province's regulation (quy chế) as settings. The law leaves these numbers to
 * each province; a bloc may override any of them, and a bloc-year keeps a
 * snapshot of the rules it opened under.
 */
export const RuleSet = z
  .object({
    scale: z.object({
      /** Points the criteria must add up to. */
      total: z.number().int().min(10).max(1000),
      /** The most bonus points a unit can earn on top of the total. */
      bonusMax: z.number().min(0).max(100),
      /** Whether penalties may take a unit below zero. */
      allowNegative: z.boolean(),
    }),
    ballot: z.object({
      secret: z.boolean(),
      // Shares from 1%: a share closer to zero means nothing, and DynamoDB stores no number below 1e-130.
      /** Share of members that must be present for a valid vote. */
      quorum: z.number().min(0.01).max(1),
      /** Share of the votes of members present a candidate must exceed. */
      threshold: z.number().min(0.01).lt(1),
      tie: z.enum(["revote", "higher_score", "board_decides"]),
    }),
    rotation: z.object({
      /** A unit may not lead the bloc two years in a row. */
      noConsecutiveLeader: z.boolean(),
    }),
    eligibility: z.object({
      /** A unit under discipline that year cannot lead, be proposed or be elected. */
      disciplineExcludes: z.boolean(),
    }),
    caps: z.object({
      /** Government flags as a share of the province's provincial-flag units, rounded down. */
      governmentFlagShareOfProvincialFlags: z.number().min(0).max(1),
    }),
    leadership: z.object({
      /** The deputies' officers may move the year's phases as the leader's do. */
      deputiesAct: z.boolean(),
    }),
    ranking: z.object({
      /** How equal totals are ordered, in turn; units still equal share the rank. */
      tieBreak: z
        .array(z.enum(rankingTieBreaks))
        .max(rankingTieBreaks.length)
        .refine((xs) => new Set(xs).size === xs.length, { message: "A tie-break is listed twice" })
        .meta({ uniqueItems: true }),
    }),
  })
  .meta({ id: "RuleSet" });
export type RuleSet = z.infer<typeof RuleSet>;

export const defaultRules: RuleSet = {
  scale: { total: 100, bonusMax: 10, allowNegative: false },
  ballot: { secret: true, quorum: 2 / 3, threshold: 0.5, tie: "revote" },
  rotation: { noConsecutiveLeader: true },
  eligibility: { disciplineExcludes: true },
  caps: { governmentFlagShareOfProvincialFlags: 0.2 },
  leadership: { deputiesAct: false },
  ranking: { tieBreak: ["first_group", "fewer_penalties"] },
};

/** A partial rule set: only the settings that differ from the level above. */
export const RuleOverride = z
  .object({
    scale: RuleSet.shape.scale.partial(),
    ballot: RuleSet.shape.ballot.partial(),
    rotation: RuleSet.shape.rotation.partial(),
    eligibility: RuleSet.shape.eligibility.partial(),
    caps: RuleSet.shape.caps.partial(),
    leadership: RuleSet.shape.leadership.partial(),
    ranking: RuleSet.shape.ranking.partial(),
  })
  .partial()
  .meta({ id: "RuleOverride" });
export type RuleOverride = z.infer<typeof RuleOverride>;

/**
 * Applies overrides in order: defaults ← province ← bloc. A year's snapshot passes as an override too:
 * one taken before a section existed reads that section's defaults.
 */
export function resolveRules(base: RuleSet, ...overrides: (RuleOverride | undefined)[]): RuleSet {
  let rules = base;
  for (const o of overrides) {
    if (!o) continue;
    rules = {
      scale: { ...rules.scale, ...o.scale },
      ballot: { ...rules.ballot, ...o.ballot },
      rotation: { ...rules.rotation, ...o.rotation },
      eligibility: { ...rules.eligibility, ...o.eligibility },
      caps: { ...rules.caps, ...o.caps },
      leadership: { ...rules.leadership, ...o.leadership },
      ranking: { ...rules.ranking, ...o.ranking },
    };
  }
  return rules;
}

export const UpdateRulesInput = z.object({
  rules: RuleOverride,
  /** The version read; 0 when no override was stored yet. */
  version: ReadVersion,
});
