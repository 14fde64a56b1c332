import { proposalStatuses } from "./proposal.rules.ts";

/**
 * A bloc's proposal of one unit for one award type in a year: one per (bloc, award type, unit), in the
 * province's partition of the year, so the board's queue for a year is one query.
 */
export const proposalSchema = {
  model: { entity: "proposal", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    awardTypeId: { type: "string", required: true, readOnly: true },
    unitId: { type: "string", required: true, readOnly: true },
    status: { type: proposalStatuses, required: true },
    ballotId: { type: "string" },
    note: { type: "string" },
    /** Signed: who proposed, when. */
    proposed: { type: "any", required: true },
    /** The board's decision: outcome, number, date, signer or reason, who and when. */
    decision: { type: "any" },
    version: { type: "number", required: true },
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["tenantId", "year"], template: "T#${tenantId}#PROPOSALS#${year}", casing: "none" },
      sk: {
        field: "sk",
        composite: ["blocId", "awardTypeId", "unitId"],
        template: "BLOC#${blocId}#AWARD#${awardTypeId}#UNIT#${unitId}",
        casing: "none",
      },
    },
  },
} as const;

/**
 * The slots of a bloc-year's quota of one award type held by proposals: moved in the same transaction as
 * each proposal and withdrawal, under a condition, so simultaneous proposals never pass the quota.
 */
export const quotaUseSchema = {
  model: { entity: "quotaUse", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    awardTypeId: { type: "string", required: true, readOnly: true },
    used: { type: "number" },
  },
  indexes: {
    byAward: {
      pk: { field: "pk", composite: ["tenantId", "blocId"], template: "T#${tenantId}#BLOC#${blocId}", casing: "none" },
      sk: {
        field: "sk",
        composite: ["year", "awardTypeId"],
        template: "YEAR#${year}#USE#${awardTypeId}",
        casing: "none",
      },
    },
  },
} as const;

/**
 * How many of one award the province's blocs hold in a year (every bloc's proposals, not withdrawn nor
 * rejected): moved with the bloc's slot, so a province-wide cap (the government flag's share of
 * provincial flags) is checked under a condition too.
 */
export const provinceUseSchema = {
  model: { entity: "provinceUse", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    awardTypeId: { type: "string", required: true, readOnly: true },
    used: { type: "number" },
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["tenantId", "year"], template: "T#${tenantId}#AWARDUSE#${year}", casing: "none" },
      sk: { field: "sk", composite: ["awardTypeId"], template: "USE#${awardTypeId}", casing: "none" },
    },
  },
} as const;

/** An award a unit received, by year: its history, which prerequisites spanning years read. */
export const unitAwardSchema = {
  model: { entity: "unitAward", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    unitId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    awardTypeId: { type: "string", required: true, readOnly: true },
    decisionNumber: { type: "string" },
    decisionDate: { type: "string" },
    source: { type: ["proposal", "entered"] as const, required: true },
    blocId: { type: "string" },
  },
  indexes: {
    byUnit: {
      pk: {
        field: "pk",
        composite: ["tenantId", "unitId"],
        template: "T#${tenantId}#UNITAWARDS#${unitId}",
        casing: "none",
      },
      sk: {
        field: "sk",
        composite: ["year", "awardTypeId"],
        template: "YEAR#${year}#AWARD#${awardTypeId}",
        casing: "none",
      },
    },
  },
} as const;
