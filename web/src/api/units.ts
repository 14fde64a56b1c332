import { queryOptions } from "@tanstack/react-query";
import { type CreateUnitInput, Unit, type UpdateUnitInput, unitKinds } from "@thidua/core/unit/rules";
import { z } from "zod";
import { request, seg } from "./client.ts";

export { Unit, unitKinds };
export type UnitKind = (typeof unitKinds)[number];

const UnitList = z.object({ items: z.array(Unit) });

export const unitKeys = { all: ["units"] as const };

/** Every unit of the province (communes make it long: pages filter and paginate on the client). */
export const unitsQuery = () =>
  queryOptions({
    queryKey: unitKeys.all,
    queryFn: async () => (await request("/api/units", UnitList)).items,
    staleTime: 30_000,
  });

export const createUnit = (input: CreateUnitInput) => request("/api/units", Unit, { method: "POST", body: input });

/** `shortName: null` clears it; `discipline: { "2024": reason }` sets a year's flag, `null` clears it. */
export const updateUnit = (unitId: string, changes: UpdateUnitInput) =>
  request(`/api/units/${seg(unitId)}`, Unit, { method: "PATCH", body: changes });
