import { importPhases, importStatuses } from "./import.rules.ts";

/**
 * One bulk import of units, written before the first unit and updated in the
 * same transaction as every step, so it always says exactly what exists:
 * the units created so far, the bloc-years changed so far and what they were
 * before. A job left `running` by a dead process is rolled back from here.
 */
export const importJobSchema = {
  model: { entity: "importJob", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    importId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    status: { type: importStatuses, required: true },
    phase: { type: importPhases, required: true },
    /** Rows to import, and rows imported so far. */
    total: { type: "number", required: true, readOnly: true },
    done: { type: "number", required: true },
    /** Units this job created that still exist. */
    createdUnitIds: { type: "list", items: { type: "string" }, required: true },
    /** The affected bloc-years as they were before the import (a stored item, or a `version: 0` placeholder). */
    blocYearsBefore: { type: "any", required: true, readOnly: true },
    /** Bloc ids whose year this job has rewritten (to `version + 1`) and not restored yet. */
    appliedBlocIds: { type: "list", items: { type: "string" }, required: true },
    /** Why the job did not finish, as field issues (`rows.7.bloc`). */
    errors: { type: "any" },
    /** The process driving the job; each write checks it, so a job taken over cannot be written by its old driver. */
    owner: { type: "string", required: true },
    heartbeatAt: { type: "string", required: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorName: { type: "string", required: true, readOnly: true },
    actorRole: { type: "string", required: true, readOnly: true },
    startedAt: { type: "string", required: true, readOnly: true },
    finishedAt: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "T#${tenantId}#IMPORTS", casing: "none" },
      sk: { field: "sk", composite: ["importId"], template: "IMPORT#${importId}", casing: "none" },
    },
  },
} as const;
