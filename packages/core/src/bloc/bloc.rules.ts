import { z } from "zod";
import { Email } from "../account/account.rules.ts";
import { Deadlines, Phase } from "../cycle/cycle.rules.ts";
import { ReadVersion, SavedVersion, someChange } from "../edit/edit.rules.ts";
import type { CodedIssue } from "../error.ts";
import { textField } from "../text/index.ts";

export const blocKinds = ["bloc", "cluster"] as const;
export const blocYearStatuses = ["planning", "open", "closed"] as const;

const Name = textField({ min: 2, max: 200 });
const emails = z.array(Email).max(10);

export const Bloc = z
  .object({
    blocId: z.string(),
    name: z.string(),
    kind: z.enum(blocKinds),
    councilEmails: z.array(z.string()),
    criteriaVersion: z.number().int(),
    /** When the board archived the bloc: no new year can be prepared; its past years stay. */
    archivedAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Bloc" });
export type Bloc = z.infer<typeof Bloc>;

export const CreateBlocInput = z.object({
  name: Name,
  kind: z.enum(blocKinds),
  councilEmails: emails.default([]),
});
export type CreateBlocInput = z.input<typeof CreateBlocInput>;

export const UpdateBlocInput = someChange(
  z.object({
    name: Name.optional(),
    kind: z.enum(blocKinds).optional(),
    councilEmails: emails.optional(),
    version: SavedVersion,
  }),
);
export type UpdateBlocInput = z.input<typeof UpdateBlocInput>;

export const BlocYear = z
  .object({
    blocId: z.string(),
    year: z.number().int(),
    memberUnitIds: z.array(z.string()),
    leaderUnitId: z.string().optional(),
    deputyUnitIds: z.array(z.string()),
    status: z.enum(blocYearStatuses),
    theme: z.string().optional(),
    /** Where a launched year stands; absent while planning. */
    phase: Phase.optional(),
    launchNote: z.string().optional(),
    deadlines: Deadlines.optional(),
    criteriaVersion: z.number().int().optional(),
    /** 0 until the year is first saved. */
    version: z.number().int(),
  })
  .meta({ id: "BlocYear" });
export type BlocYear = z.infer<typeof BlocYear>;

/** The most members one call may add or remove: DynamoDB commits at most 100 items together. */
export const MAX_MEMBER_CHANGES = 90;

export const SetMembersInput = z.object({
  unitIds: z
    .array(z.string().min(1).max(120))
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, { message: "A unit is listed twice" })
    .meta({ uniqueItems: true }),
  /** Required once the year is launched: why its members change (kept in the audit trail). */
  reason: textField({ min: 3, max: 500 }).optional(),
  version: ReadVersion,
});

export const SetSeatsInput = z.object({
  leaderUnitId: z.string().min(1).max(120).nullable(),
  deputyUnitIds: z.array(z.string().min(1).max(120)).max(3),
  version: ReadVersion,
});

export const OpenYearInput = z.object({
  theme: textField({ min: 3, max: 300 }).optional(),
  /** A few lines to the members: what this year is about. */
  launchNote: textField({ min: 0, max: 3000, multiline: true }).optional(),
  version: ReadVersion,
});

/** Which units join and leave when the member list changes. */
export function memberChanges(before: readonly string[], after: readonly string[]) {
  const was = new Set(before);
  const will = new Set(after);
  return { added: after.filter((id) => !was.has(id)), removed: before.filter((id) => !will.has(id)) };
}

export interface SeatCheck {
  members: readonly string[];
  leaderUnitId: string | null;
  deputyUnitIds: readonly string[];
  previousLeaderUnitId?: string;
  disciplined: ReadonlySet<string>;
  noConsecutiveLeader: boolean;
  disciplineExcludes: boolean;
}

/** Why a seat assignment breaks the rules, as field paths; empty when it is valid. */
export function seatProblems(s: SeatCheck): CodedIssue[] {
  const problems: CodedIssue[] = [];
  const members = new Set(s.members);
  if (s.leaderUnitId !== null) {
    if (!members.has(s.leaderUnitId)) problems.push({ path: "leaderUnitId", message: "bloc.seat_not_member" });
    if (s.noConsecutiveLeader && s.leaderUnitId === s.previousLeaderUnitId)
      problems.push({ path: "leaderUnitId", message: "bloc.leader_consecutive" });
    if (s.disciplineExcludes && s.disciplined.has(s.leaderUnitId))
      problems.push({ path: "leaderUnitId", message: "bloc.seat_disciplined" });
  }
  s.deputyUnitIds.forEach((id, i) => {
    const path = `deputyUnitIds.${i}`;
    if (!members.has(id)) problems.push({ path, message: "bloc.seat_not_member" });
    if (id === s.leaderUnitId) problems.push({ path, message: "bloc.deputy_is_leader" });
    if (s.disciplineExcludes && s.disciplined.has(id)) problems.push({ path, message: "bloc.seat_disciplined" });
  });
  if (new Set(s.deputyUnitIds).size !== s.deputyUnitIds.length)
    problems.push({ path: "deputyUnitIds", message: "bloc.deputy_twice" });
  return problems;
}
