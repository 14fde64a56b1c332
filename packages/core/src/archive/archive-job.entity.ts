import { archiveJobKinds, archiveJobPhases, archiveJobStatuses } from "./archive.rules.ts";

/**
 * One export, import or erase of a province, kept on the platform's side (`P#`): it outlives the province's
 * own items, which an erase deletes. Each step of its driver writes progress and a heartbeat, conditioned on
 * being the job's owner, so a job resumed after its process died cannot be written by that process again.
 */
export const archiveJobSchema = {
  model: { entity: "archiveJob", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    jobId: { type: "string", required: true, readOnly: true },
    kind: { type: archiveJobKinds, required: true, readOnly: true },
    status: { type: archiveJobStatuses, required: true },
    phase: { type: archiveJobPhases, required: true },
    done: { type: "number", required: true },
    total: { type: "number", required: true },
    /** An import's parts written so far, in archive order: a resumed import starts after them. */
    checkpoint: { type: "number", required: true },
    /** `P/archives/<tenantId>/<jobId>.tar`, the archive written (export) or read (import). */
    archiveKey: { type: "string", required: true, readOnly: true },
    archiveBytes: { type: "number" },
    archiveSha256: { type: "string" },
    errors: { type: "any" },
    owner: { type: "string", required: true },
    heartbeatAt: { type: "string", required: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorName: { type: "string", required: true, readOnly: true },
    startedAt: { type: "string", required: true, readOnly: true },
    finishedAt: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId"], template: "P#ARCHIVES#${tenantId}", casing: "none" },
      sk: { field: "sk", composite: ["jobId"], template: "JOB#${jobId}", casing: "none" },
    },
  },
} as const;
