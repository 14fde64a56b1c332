import { z } from "zod";
import { Bloc, BlocYear } from "../bloc/bloc.rules.ts";
import { RuleSet } from "../rules/rule-set.rules.ts";
import { SelfLine, VerifiedLine } from "../score/score.rules.ts";
import { Handover, MidYearSummary, MoveTarget, Registration, Signed } from "./cycle.rules.ts";

/** A scorer who stepped back from a sheet, and why. */
export const Recusal = z.object({ unitId: z.string(), reason: z.string(), at: z.string() }).meta({ id: "Recusal" });
export type Recusal = z.infer<typeof Recusal>;

export const ScoreSheet = z
  .object({ lines: z.record(z.string(), SelfLine), submitted: Signed.optional() })
  .meta({ id: "ScoreSheet" });
export type ScoreSheet = z.infer<typeof ScoreSheet>;

export const Verification = z
  .object({
    /** The unit the leader assigned to verify this sheet; absent: the leader verifies it. */
    scorerUnitId: z.string().optional(),
    recusals: z.array(Recusal),
    lines: z.record(z.string(), VerifiedLine),
    locked: Signed.optional(),
  })
  .meta({ id: "Verification" });
export type Verification = z.infer<typeof Verification>;

/** A member's part in the year, as far as the caller may read it. */
export const Participation = z
  .object({
    unitId: z.string(),
    registration: Registration.extend({ filed: Signed }).optional(),
    covenant: Signed.optional(),
    report: z.object({ items: z.array(z.string()), filed: Signed }).optional(),
    scores: ScoreSheet.optional(),
    verification: Verification.optional(),
    /** 0 until the unit first saves something. */
    version: z.number().int(),
  })
  .meta({ id: "Participation" });
export type Participation = z.infer<typeof Participation>;

const Missing = z.object({ path: z.string(), message: z.string() });

/** Every member's progress, which everyone in the year sees. */
export const MemberProgressView = z
  .object({
    unitId: z.string(),
    registered: z.boolean(),
    signed: z.boolean(),
    reported: z.boolean(),
    submitted: z.boolean(),
    locked: z.boolean(),
    /** Past the current phase's deadline with a duty of it not done. */
    late: z.boolean(),
    scorerUnitId: z.string().optional(),
  })
  .meta({ id: "MemberProgress" });

/** Where a launched year stands and what comes next: the page every role starts from. */
export const CycleView = z
  .object({
    year: BlocYear,
    /** The phase, or "closed". */
    phase: MoveTarget,
    /** The published summary; the draft too for those who lead the year. */
    summary: MidYearSummary.optional(),
    /** Once the seats passed on to next year. */
    handover: Handover.optional(),
    progress: z.array(MemberProgressView),
    /** The next move, and the duties still missing for it (empty: it can be made). */
    next: z.object({ to: MoveTarget, missing: z.array(Missing) }).optional(),
    participations: z.array(Participation),
    /** How the year's votes count (from the rules the year was launched under). */
    ballotRules: RuleSet.shape.ballot,
    you: z.object({ leads: z.boolean(), unitId: z.string().optional() }),
  })
  .meta({ id: "CycleView" });
export type CycleView = z.infer<typeof CycleView>;

/** The blocs the caller may see, each with its year (null when nothing was saved for it). */
export const YearCycles = z
  .object({ items: z.array(z.object({ bloc: Bloc, year: z.union([BlocYear, z.null()]) })) })
  .meta({ id: "YearCycles" });
export type YearCycles = z.infer<typeof YearCycles>;
