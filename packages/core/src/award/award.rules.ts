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

/** What a province stores for one award type; `builtIn` follows from the id. */
export type StoredAwardType = Omit<AwardType, "builtIn">;

/** The defaults every province has; a stored item of the same id replaces one. */
export const builtInAwardTypes: readonly AwardType[] = [
  {
    awardTypeId: PROVINCIAL_FLAG,
    name: "Cờ thi đua của UBND tỉnh",
    level: "collective",
    prerequisites: [],
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
const Name = textField({ min: 2, max: 200 });

export const CreateAwardTypeInput = z.object({
  name: Name,
  level: z.enum(awardLevels),
  prerequisites: Prerequisites.default([]),
  leaderOnly: z.boolean().default(false),
});
export type CreateAwardTypeInput = z.input<typeof CreateAwardTypeInput>;

export const UpdateAwardTypeInput = someChange(
  z.object({
    name: Name.optional(),
    prerequisites: Prerequisites.optional(),
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
  for (const s of stored) byId.set(s.awardTypeId, { ...s, builtIn: builtInIds.has(s.awardTypeId) });
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

/** Active award types that require `awardTypeId`; it cannot be deactivated while there are any. */
export const requiredBy = (types: readonly Node[], awardTypeId: string): string[] =>
  types.filter((t) => t.active && t.prerequisites.includes(awardTypeId)).map((t) => t.awardTypeId);

/** True when the prerequisites never lead back to where they start. */
export function isAcyclic(types: readonly Node[]): boolean {
  const graph = new Map<string, readonly string[]>(types.map((t) => [t.awardTypeId, t.prerequisites]));
  return types.every((t) => t.prerequisites.every((p) => !reaches(graph, p, t.awardTypeId)));
}
