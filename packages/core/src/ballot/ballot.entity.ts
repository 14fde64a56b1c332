import { yearPartition } from "../cycle/participation.entity.ts";
import { ballotKinds } from "./ballot.rules.ts";

/** One round of a vote in a bloc-year, in the year's partition beside its members' parts. */
export const ballotSchema = {
  model: { entity: "ballot", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    ballotId: { type: "string", required: true, readOnly: true },
    kind: { type: ballotKinds, required: true },
    awardTypeId: { type: "string" },
    round: { type: "number", required: true },
    candidates: { type: "list", items: { type: "string" }, required: true },
    seats: { type: "number", required: true },
    secret: { type: "boolean", required: true },
    status: { type: ["open", "closed"] as const, required: true },
    present: { type: "list", items: { type: "string" }, required: true },
    /** Ballots cast so far: the close counts exactly these. */
    cast: { type: "number", required: true },
    /** Once closed: { returned, blank, votes, result }. */
    count: { type: "any" },
    /** Who closed it, when: the minutes' date and signature. */
    closed: { type: "any" },
    version: { type: "number", required: true },
  },
  indexes: {
    byYear: {
      pk: yearPartition,
      sk: { field: "sk", composite: ["ballotId"], template: "BALLOT#${ballotId}", casing: "none" },
    },
  },
} as const;

/**
 * That a member has voted in a ballot: created once (a second vote of the unit fails its condition). For
 * a secret ballot it holds nothing else; an open ballot keeps the member's choices here.
 */
export const ballotMarkSchema = {
  model: { entity: "ballotMark", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    ballotId: { type: "string", required: true, readOnly: true },
    unitId: { type: "string", required: true, readOnly: true },
    choices: { type: "list", items: { type: "string" } },
  },
  indexes: {
    byBallot: {
      pk: yearPartition,
      sk: { field: "sk", composite: ["ballotId", "unitId"], template: "VOTED#${ballotId}#${unitId}", casing: "none" },
    },
  },
} as const;

/**
 * A secret ballot paper: the choices alone, under a random id, with no voter, no time and no order, so
 * nothing stored links it to the member whose mark was written with it.
 */
export const ballotPaperSchema = {
  model: { entity: "ballotPaper", version: "1", service: "thidua" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    blocId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true, readOnly: true },
    ballotId: { type: "string", required: true, readOnly: true },
    paperId: { type: "string", required: true, readOnly: true },
    choices: { type: "list", items: { type: "string" }, required: true },
  },
  indexes: {
    byBallot: {
      pk: yearPartition,
      sk: { field: "sk", composite: ["ballotId", "paperId"], template: "PAPER#${ballotId}#${paperId}", casing: "none" },
    },
  },
} as const;
