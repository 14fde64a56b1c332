import { phases } from "../cycle/cycle.rules.ts";
import { blocYearStatuses } from "./bloc.rules.ts";

/** One bloc's year: its members, its leader and deputies, and what it opened under. */
export const blocYearSchema = {
  model: { entity: "blocYear", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    memberUnitIds: { type: "list", items: { type: "string" }, required: true },
    leaderUnitId: { type: "string" },
    deputyUnitIds: { type: "list", items: { type: "string" }, required: true },
    status: { type: blocYearStatuses, required: true },
    theme: { type: "string" },
    /** Where a launched year stands (cycle/cycle.rules.ts). */
    phase: { type: phases },
    launchNote: { type: "string" },
    /** Deadlines by phase, yyyy-mm-dd. */
    deadlines: { type: "any" },
    /** The leader's mid-year summary (MidYearSummary). */
    summary: { type: "any" },
    /** The handover to next year's leader (Handover). */
    handover: { type: "any" },
    /** Fixed when the year opens, so later edits of the table or rules never rewrite it. */
    criteriaVersion: { type: "number" },
    rules: { type: "any" },
    /** The criteria table of `criteriaVersion`, copied at launch: one read brings a year and its table. */
    table: { type: "any" },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["tenantId", "blocId"], template: "T#${tenantId}#BLOC#${blocId}", casing: "none" },
      sk: { field: "sk", composite: ["year"], template: "YEAR#${year}", casing: "none" },
    },
  },
} as const;
