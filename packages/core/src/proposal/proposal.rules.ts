import { z } from "zod";
import { ReadVersion } from "../edit/edit.rules.ts";
import { textField } from "../text/index.ts";

/** Where a bloc's proposal stands: with the board, withdrawn by the bloc, or decided. */
export const proposalStatuses = ["proposed", "withdrawn", "returned", "approved", "rejected"] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
/** The statuses that hold a slot of the quota. */
export const holdingStatuses: readonly ProposalStatus[] = ["proposed", "returned", "approved"];

const Signed = z.object({ at: z.string(), by: z.string(), byName: z.string() });

export const Proposal = z
  .object({
    year: z.number().int(),
    blocId: z.string(),
    awardTypeId: z.string(),
    unitId: z.string(),
    status: z.enum(proposalStatuses),
    /** The vote it follows, when there was one. */
    ballotId: z.string().optional(),
    /** The bloc's reasons: achievements in a few lines. */
    note: z.string().optional(),
    proposed: Signed,
    version: z.number().int(),
  })
  .meta({ id: "Proposal" });
export type Proposal = z.infer<typeof Proposal>;

export const ProposeInput = z.object({
  unitId: z.string().min(1).max(120),
  awardTypeId: z.string().min(1).max(120),
  ballotId: z.string().min(1).max(120).optional(),
  note: textField({ min: 0, max: 3000, multiline: true }).optional(),
});

export const WithdrawInput = z.object({ version: ReadVersion });

/** The quota's slots still free: the limit less the slots held (never below zero). */
export const slotsLeft = (limit: number, used: number) => Math.max(0, limit - used);
