import { queryOptions } from "@tanstack/react-query";
import {
  type AwardType,
  awardLevels,
  type CreateAwardTypeInput,
  type UpdateAwardTypeInput,
} from "@thidua/core/award/rules";
import { api, call, callNoContent, params } from "./client.ts";

export { type AwardType, awardLevels };
export type AwardLevel = (typeof awardLevels)[number];

export const awardTypeKeys = { all: ["award-types"] as const };

const types = api.awardTypes["award-types"];

export const awardTypesQuery = () =>
  queryOptions({
    queryKey: awardTypeKeys.all,
    queryFn: async () => (await call(types.$get())).items.sort((a, b) => a.order - b.order),
  });

export const createAwardType = (input: CreateAwardTypeInput) => call(types.$post({ json: input }));

export const updateAwardType = (awardTypeId: string, changes: UpdateAwardTypeInput) =>
  call(types[":awardTypeId"].$patch({ param: params({ awardTypeId }), json: changes }));

/** Deletes an award type the province added and never used; anything else answers 409. */
export const deleteAwardType = (type: Pick<AwardType, "awardTypeId" | "version">) =>
  callNoContent(
    types[":awardTypeId"].$delete({
      param: params({ awardTypeId: type.awardTypeId }),
      query: { version: String(type.version) },
    }),
  );
