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
    /** The board's decision, once made. */
    decision: z
      .object({
        outcome: z.enum(["approve", "return", "reject"]),
        decisionNumber: z.string().optional(),
        decisionDate: z.string().optional(),
        signer: z.string().optional(),
        reason: z.string().optional(),
        at: z.string(),
        by: z.string(),
        byName: z.string(),
      })
      .optional(),
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

export const decisionOutcomes = ["approve", "return", "reject"] as const;

/** The board's decision: approval with the decision's number, date and signer; a return or a rejection with a reason. */
export const DecideInput = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("approve"),
    /** Số quyết định, e.g. "1234/QĐ-UBND". */
    decisionNumber: textField({ min: 1, max: 60 }),
    decisionDate: z.iso.date(),
    signer: textField({ min: 2, max: 200 }),
    version: ReadVersion,
  }),
  z.object({ outcome: z.literal("return"), reason: textField({ min: 3, max: 1000 }), version: ReadVersion }),
  z.object({ outcome: z.literal("reject"), reason: textField({ min: 3, max: 1000 }), version: ReadVersion }),
]);

/** An award a unit received: from an approved proposal, or entered by the board for a past year. */
export const UnitAward = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    awardTypeId: z.string(),
    decisionNumber: z.string().optional(),
    decisionDate: z.string().optional(),
    /** Where it came from: a bloc's proposal, or the board's record of an earlier year. */
    source: z.enum(["proposal", "entered"]),
    blocId: z.string().optional(),
  })
  .meta({ id: "UnitAward" });
export type UnitAward = z.infer<typeof UnitAward>;

export const EnterAwardInput = z.object({
  year: z.number().int().min(2000).max(2100),
  awardTypeId: z.string().min(1).max(120),
  decisionNumber: textField({ min: 1, max: 60 }).optional(),
  decisionDate: z.iso.date().optional(),
});
