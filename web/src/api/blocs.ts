import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { request, seg } from "./client.ts";

export const blocKinds = ["bloc", "cluster"] as const;
export type BlocKind = (typeof blocKinds)[number];
export const blocYearStatuses = ["planning", "open", "closed"] as const;

export const Bloc = z.object({
  blocId: z.string(),
  name: z.string(),
  kind: z.enum(blocKinds),
  councilEmails: z.array(z.string()),
  /** 0 until a criteria table is saved. */
  criteriaVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Bloc = z.infer<typeof Bloc>;

export const BlocYear = z.object({
  blocId: z.string(),
  year: z.number().int(),
  memberUnitIds: z.array(z.string()),
  leaderUnitId: z.string().optional(),
  deputyUnitIds: z.array(z.string()),
  status: z.enum(blocYearStatuses),
  theme: z.string().optional(),
  criteriaVersion: z.number().int().optional(),
  /** 0 until the year is first saved. */
  version: z.number().int(),
});
export type BlocYear = z.infer<typeof BlocYear>;

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

export interface BlocInput {
  name: string;
  kind: BlocKind;
  councilEmails: string[];
}

export const createBloc = (input: BlocInput) => request("/api/blocs", Bloc, { method: "POST", body: input });

export const updateBloc = (blocId: string, changes: Partial<BlocInput> & { version: number }) =>
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
