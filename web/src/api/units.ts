import { queryOptions } from "@tanstack/react-query";
import { type CreateUnitInput, type Unit, type UpdateUnitInput, unitKinds } from "@thidua/core/unit/rules";
import { api, call, callNoContent, params } from "./client.ts";

export { type Unit, unitKinds };
export type UnitKind = (typeof unitKinds)[number];

export const unitKeys = { all: ["units"] as const };

/** Every unit of the province (communes make it long: pages filter and paginate on the client). */
export const unitsQuery = () =>
  queryOptions({
    queryKey: unitKeys.all,
    queryFn: async () => (await call(api.units.units.$get({ query: {} }))).items,
    staleTime: 30_000,
  });

export const createUnit = (input: CreateUnitInput) => call(api.units.units.$post({ json: input }));

/** `shortName: null` clears it; `discipline: { "2024": reason }` sets a year's flag, `null` clears it. */
export const updateUnit = (unitId: string, changes: UpdateUnitInput) =>
  call(api.units.units[":unitId"].$patch({ param: params({ unitId }), json: changes }));

export const archiveUnit = (unit: Pick<Unit, "unitId" | "version">, archived: boolean) => {
  const route = api.units.units[":unitId"][archived ? "archive" : "restore"];
  return call(route.$post({ param: params({ unitId: unit.unitId }), json: { version: unit.version } }));
};

/** Deletes a unit never used; one that was (a member, an account) answers `unit.in_use`. */
export const deleteUnit = (unit: Pick<Unit, "unitId" | "version">) =>
  callNoContent(
    api.units.units[":unitId"].$delete({
      param: params({ unitId: unit.unitId }),
      query: { version: String(unit.version) },
    }),
  );
