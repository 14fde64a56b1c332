import { queryOptions } from "@tanstack/react-query";
import { Bloc, BlocYear, blocKinds, type CreateBlocInput, type UpdateBlocInput } from "@thidua/core/bloc/rules";
import { z } from "zod";
import { request, seg } from "./client.ts";

export { Bloc, BlocYear, blocKinds };
export type BlocKind = (typeof blocKinds)[number];

const BlocList = z.object({ items: z.array(Bloc) });

export const blocKeys = {
  all: ["blocs"] as const,
  one: (blocId: string) => ["blocs", blocId] as const,
  year: (blocId: string, year: number) => ["blocs", blocId, "years", year] as const,
};

/** The blocs the caller may see: all of them for the board, their own for council members and units. */
export const blocsQuery = () =>
  queryOptions({ queryKey: blocKeys.all, queryFn: async () => (await request("/api/blocs", BlocList)).items });

export const blocQuery = (blocId: string) =>
  queryOptions({ queryKey: blocKeys.one(blocId), queryFn: () => request(`/api/blocs/${seg(blocId)}`, Bloc) });

export const blocYearQuery = (blocId: string, year: number) =>
  queryOptions({
    queryKey: blocKeys.year(blocId, year),
    queryFn: () => request(`/api/blocs/${seg(blocId)}/years/${seg(year)}`, BlocYear),
  });

/** A bloc as the form edits it (the API lowercases the emails). */
export type BlocInput = z.infer<typeof CreateBlocInput>;

export const createBloc = (input: BlocInput) => request("/api/blocs", Bloc, { method: "POST", body: input });

export const updateBloc = (blocId: string, changes: z.input<typeof UpdateBlocInput>) =>
  request(`/api/blocs/${seg(blocId)}`, Bloc, { method: "PATCH", body: changes });

const yearPath = (blocId: string, year: number) => `/api/blocs/${seg(blocId)}/years/${seg(year)}`;

export const setMembers = (blocId: string, year: number, body: { unitIds: string[]; version: number }) =>
  request(`${yearPath(blocId, year)}/members`, BlocYear, { method: "PUT", body });

export const setSeats = (
  blocId: string,
  year: number,
  body: { leaderUnitId: string | null; deputyUnitIds: string[]; version: number },
) => request(`${yearPath(blocId, year)}/seats`, BlocYear, { method: "PUT", body });

export const openYear = (blocId: string, year: number, body: { theme?: string; version: number }) =>
  request(`${yearPath(blocId, year)}/open`, BlocYear, { method: "POST", body });
