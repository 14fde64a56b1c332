import { z } from "zod";
import { ReadVersion, someChange } from "../edit/edit.rules.ts";
import type { CodedIssue } from "../error.ts";
import { compareVietnamese, textField } from "../text/index.ts";

export const awardLevels = ["collective", "individual"] as const;

/** Ids of the built-in award types other modules name (quotas, caps, proposals). */
export const PROVINCIAL_FLAG = "provincial-flag";
export const GOVERNMENT_FLAG = "government-flag";

export const AwardType = z
  .object({
    awardTypeId: z.string(),
    name: z.string(),
    level: z.enum(awardLevels),
    /** Award types a unit must receive in the same year before this one. */
    prerequisites: z.array(z.string()),
    /** Awards the unit must have received in each of the N years just before ("N years in a row"). */
    yearsInRow: z.array(z.object({ awardTypeId: z.string(), years: z.number().int() })),
    /** Usually for the bloc's leading unit only. */
    leaderOnly: z.boolean(),
    active: z.boolean(),
    order: z.number().int(),
    /** One of the defaults every province has without any write. */
    builtIn: z.boolean(),
    /** 0 for a default nobody has edited yet. */
    version: z.number().int(),
  })
  .meta({ id: "AwardType" });
export type AwardType = z.infer<typeof AwardType>;

/** What a province stores for one award type; `builtIn` follows from the id, older items lack `yearsInRow`. */
export type StoredAwardType = Omit<AwardType, "builtIn" | "yearsInRow"> & Partial<Pick<AwardType, "yearsInRow">>;

/** The defaults every province has; a stored item of the same id replaces one. */
export const builtInAwardTypes: readonly AwardType[] = [
  {
    awardTypeId: PROVINCIAL_FLAG,
    name: "Cờ thi đua của UBND tỉnh",
    level: "collective",
    prerequisites: [],
    yearsInRow: [],
    leaderOnly: true,
    active: true,
    order: 10,
    builtIn: true,
    version: 0,
  },
  {
    awardTypeId: GOVERNMENT_FLAG,
    name: "Cờ thi đua của Chính phủ",
    level: "collective",
    prerequisites: [PROVINCIAL_FLAG],
    yearsInRow: [],
    leaderOnly: true,
    active: true,
    order: 20,
    builtIn: true,
    version: 0,
  },
  {
    awardTypeId: "certificate-of-merit",
    name: "Bằng khen của Chủ tịch UBND tỉnh",
    level: "collective",
    prerequisites: [],
    yearsInRow: [],
    leaderOnly: false,
    active: true,
    order: 30,
    builtIn: true,
    version: 0,
  },
  {
    awardTypeId: "excellent-collective",
    name: "Tập thể lao động xuất sắc",
    level: "collective",
    prerequisites: [],
    yearsInRow: [],
    leaderOnly: false,
    active: true,
    order: 40,
    builtIn: true,
    version: 0,
  },
];

const builtInIds = new Set(builtInAwardTypes.map((t) => t.awardTypeId));

const AwardTypeId = z.string().min(1).max(80);
const Prerequisites = z
  .array(AwardTypeId)
  .max(10)
  .refine((ids) => new Set(ids).size === ids.length, { message: "award_type.prerequisite_twice" })
  .meta({ uniqueItems: true });
/** At most ten years back: the law's longest conditions span five. */
export const MAX_YEARS_IN_ROW = 10;
const YearsInRow = z
  .array(z.object({ awardTypeId: AwardTypeId, years: z.number().int().min(1).max(MAX_YEARS_IN_ROW) }))
  .max(5)
  .refine((rows) => new Set(rows.map((r) => r.awardTypeId)).size === rows.length, {
    message: "award_type.prerequisite_twice",
  });
const Name = textField({ min: 2, max: 200 });

export const CreateAwardTypeInput = z.object({
  name: Name,
  level: z.enum(awardLevels),
  prerequisites: Prerequisites.default([]),
  yearsInRow: YearsInRow.default([]),
  leaderOnly: z.boolean().default(false),
});
export type CreateAwardTypeInput = z.input<typeof CreateAwardTypeInput>;

export const UpdateAwardTypeInput = someChange(
  z.object({
    name: Name.optional(),
    prerequisites: Prerequisites.optional(),
    yearsInRow: YearsInRow.optional(),
    leaderOnly: z.boolean().optional(),
    active: z.boolean().optional(),
    order: z.number().int().min(0).max(100_000).optional(),
    /** The version read; 0 edits a default nobody has edited yet. */
    version: ReadVersion,
  }),
);
export type UpdateAwardTypeInput = z.input<typeof UpdateAwardTypeInput>;

export const compareAwardTypes = (a: AwardType, b: AwardType): number =>
  a.order - b.order || compareVietnamese(a.name, b.name);

/** The province's list: the defaults, replaced or extended by what it stored, by order then name. */
export function mergeAwardTypes(stored: readonly StoredAwardType[]): AwardType[] {
  const byId = new Map<string, AwardType>(builtInAwardTypes.map((t) => [t.awardTypeId, t]));
  // Types stored before "N years in a row" existed have none.
  for (const s of stored)
    byId.set(s.awardTypeId, { ...s, yearsInRow: s.yearsInRow ?? [], builtIn: builtInIds.has(s.awardTypeId) });
  return [...byId.values()].sort(compareAwardTypes);
}

/** The order a new award type gets: after every other one. */
export const nextOrder = (types: readonly Pick<AwardType, "order">[]): number =>
  types.reduce((max, t) => Math.max(max, t.order), 0) + 10;

type Node = Pick<AwardType, "awardTypeId" | "prerequisites" | "active">;

/** True when `to` can be reached from `from` following prerequisites. */
function reaches(graph: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.get(id) ?? []));
  }
  return false;
}

/**
 * Why giving `awardTypeId` these prerequisites is wrong, as field paths; empty
 * when it is valid. Each must be an existing active award type, and none may
 * lead back to the award type itself (itself included).
 */
export function prerequisiteProblems(
  types: readonly Node[],
  awardTypeId: string,
  prerequisites: readonly string[],
): CodedIssue[] {
  const byId = new Map(types.map((t) => [t.awardTypeId, t]));
  const graph = new Map<string, readonly string[]>(types.map((t) => [t.awardTypeId, t.prerequisites]));
  graph.set(awardTypeId, prerequisites);
  return prerequisites.flatMap((id, i): CodedIssue[] => {
    const path = `prerequisites.${i}`;
    if (reaches(graph, id, awardTypeId)) return [{ path, message: "award_type.prerequisite_cycle" }];
    if (!byId.get(id)?.active) return [{ path, message: "award_type.unknown_prerequisite" }];
    return [];
  });
}

/** Why these "N years in a row" conditions are wrong: each names an award type of the province (itself allowed). */
export const yearsInRowProblems = (
  types: readonly Pick<AwardType, "awardTypeId">[],
  awardTypeId: string,
  rows: readonly { awardTypeId: string }[],
): CodedIssue[] =>
  rows.flatMap((row, i) =>
    row.awardTypeId === awardTypeId || types.some((t) => t.awardTypeId === row.awardTypeId)
      ? []
      : [{ path: `yearsInRow.${i}.awardTypeId`, message: "award_type.unknown_prerequisite" }],
  );

/**
 * The years a unit lacks for "N years in a row" conditions when proposed in `year`: for each condition
 * not met, the award and the years missing among the N just before.
 */
export function missingYearsInRow(
  conditions: readonly { awardTypeId: string; years: number }[],
  held: readonly { awardTypeId: string; year: number }[],
  year: number,
): { awardTypeId: string; years: number[] }[] {
  return conditions.flatMap((c) => {
    const wanted = Array.from({ length: c.years }, (_, i) => year - c.years + i);
    const missing = wanted.filter((y) => !held.some((h) => h.awardTypeId === c.awardTypeId && h.year === y));
    return missing.length ? [{ awardTypeId: c.awardTypeId, years: missing }] : [];
  });
}

/** Active award types that require `awardTypeId`; it cannot be deactivated while there are any. */
export const requiredBy = (types: readonly Node[], awardTypeId: string): string[] =>
  types.filter((t) => t.active && t.prerequisites.includes(awardTypeId)).map((t) => t.awardTypeId);

/** True when the prerequisites never lead back to where they start. */
export function isAcyclic(types: readonly Node[]): boolean {
  const graph = new Map<string, readonly string[]>(types.map((t) => [t.awardTypeId, t.prerequisites]));
  return types.every((t) => t.prerequisites.every((p) => !reaches(graph, p, t.awardTypeId)));
}
