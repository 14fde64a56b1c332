import { queryOptions } from "@tanstack/react-query";
import { AwardType, awardLevels, type CreateAwardTypeInput, type UpdateAwardTypeInput } from "@thidua/core/award/rules";
import { z } from "zod";
import { request, seg } from "./client.ts";

export { AwardType, awardLevels };
export type AwardLevel = (typeof awardLevels)[number];

const AwardTypeList = z.object({ items: z.array(AwardType) });

export const awardTypeKeys = { all: ["award-types"] as const };

export const awardTypesQuery = () =>
  queryOptions({
    queryKey: awardTypeKeys.all,
    queryFn: async () => (await request("/api/award-types", AwardTypeList)).items.sort((a, b) => a.order - b.order),
  });

export const createAwardType = (input: z.input<typeof CreateAwardTypeInput>) =>
  request("/api/award-types", AwardType, { method: "POST", body: input });

export const updateAwardType = (awardTypeId: string, changes: z.input<typeof UpdateAwardTypeInput>) =>
  request(`/api/award-types/${seg(awardTypeId)}`, AwardType, { method: "PATCH", body: changes });
