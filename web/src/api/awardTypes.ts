import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { request, seg } from "./client.ts";

export const awardLevels = ["collective", "individual"] as const;
export type AwardLevel = (typeof awardLevels)[number];

export const AwardType = z.object({
  awardTypeId: z.string(),
  name: z.string(),
  level: z.enum(awardLevels),
  /** Award types a unit must hold (that year) to be proposed for this one. */
  prerequisites: z.array(z.string()),
  /** Only the bloc's leading unit may be proposed (the provincial flag, typically). */
  leaderOnly: z.boolean(),
  active: z.boolean(),
  order: z.number(),
  /** Shipped with the product; version 0 while the province has not edited it. */
  builtIn: z.boolean(),
  version: z.number().int(),
});
export type AwardType = z.infer<typeof AwardType>;

const AwardTypeList = z.object({ items: z.array(AwardType) });

export const awardTypeKeys = { all: ["award-types"] as const };

export const awardTypesQuery = () =>
  queryOptions({
    queryKey: awardTypeKeys.all,
    queryFn: async () => (await request("/api/award-types", AwardTypeList)).items.sort((a, b) => a.order - b.order),
  });

export interface CreateAwardTypeInput {
  name: string;
  level: AwardLevel;
  prerequisites: string[];
  leaderOnly: boolean;
}

export interface UpdateAwardTypeInput {
  name?: string;
  prerequisites?: string[];
  leaderOnly?: boolean;
  active?: boolean;
  order?: number;
  version: number;
}

export const createAwardType = (input: CreateAwardTypeInput) =>
  request("/api/award-types", AwardType, { method: "POST", body: input });

export const updateAwardType = (awardTypeId: string, changes: UpdateAwardTypeInput) =>
  request(`/api/award-types/${seg(awardTypeId)}`, AwardType, { method: "PATCH", body: changes });
