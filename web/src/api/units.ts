import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { request, seg } from "./client.ts";

export const unitKinds = [
  "party_agency",
  "state_agency",
  "mass_organization",
  "association",
  "commune",
  "enterprise",
  "other",
] as const;
export type UnitKind = (typeof unitKinds)[number];

// The API's Unit (packages/core unit.rules.ts is not exported to the web): only what the pages read.
export const Unit = z.object({
  unitId: z.string(),
  name: z.string(),
  shortName: z.string().optional(),
  kind: z.enum(unitKinds),
  /** Year ("2024") → reason; a unit under discipline that year cannot lead or be proposed. */
  discipline: z.record(z.string(), z.string()).default({}),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

const UnitList = z.object({ items: z.array(Unit) });

export const unitKeys = { all: ["units"] as const };

/** Every unit of the province (communes make it long: pages filter and paginate on the client). */
export const unitsQuery = () =>
  queryOptions({
    queryKey: unitKeys.all,
    queryFn: async () => (await request("/api/units", UnitList)).items,
    staleTime: 30_000,
  });

export interface CreateUnitInput {
  name: string;
  shortName?: string;
  kind: UnitKind;
}

export interface UpdateUnitInput {
  name?: string;
  /** null clears it. */
  shortName?: string | null;
  kind?: UnitKind;
  /** "2024" → reason sets the flag, null clears it. */
  discipline?: Record<string, string | null>;
  version: number;
}

export const createUnit = (input: CreateUnitInput) => request("/api/units", Unit, { method: "POST", body: input });

export const updateUnit = (unitId: string, changes: UpdateUnitInput) =>
  request(`/api/units/${seg(unitId)}`, Unit, { method: "PATCH", body: changes });
