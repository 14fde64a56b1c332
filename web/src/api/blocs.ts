import { queryOptions } from "@tanstack/react-query";
import {
  type Bloc,
  type BlocYear,
  blocKinds,
  type CreateBlocInput,
  type OpenYearInput,
  type SetMembersInput,
  type SetSeatsInput,
  type UpdateBlocInput,
} from "@thidua/core/bloc/rules";
import type { z } from "zod";
import { api, call, params } from "./client.ts";

export { type Bloc, type BlocYear, blocKinds };
export type BlocKind = (typeof blocKinds)[number];

export const blocKeys = {
  all: ["blocs"] as const,
  one: (blocId: string) => ["blocs", blocId] as const,
  year: (blocId: string, year: number) => ["blocs", blocId, "years", year] as const,
};

const { blocs } = api.blocs;
const year = blocs[":blocId"].years[":year"];

/** The blocs the caller may see: all of them for the board, their own for council members and units. */
export const blocsQuery = () =>
  queryOptions({ queryKey: blocKeys.all, queryFn: async () => (await call(blocs.$get())).items });

export const blocQuery = (blocId: string) =>
  queryOptions({
    queryKey: blocKeys.one(blocId),
    queryFn: () => call(blocs[":blocId"].$get({ param: params({ blocId }) })),
  });

export const blocYearQuery = (blocId: string, y: number) =>
  queryOptions({
    queryKey: blocKeys.year(blocId, y),
    queryFn: () => call(year.$get({ param: params({ blocId, year: y }) })),
  });

export const createBloc = (input: CreateBlocInput) => call(blocs.$post({ json: input }));

export const updateBloc = (blocId: string, changes: UpdateBlocInput) =>
  call(blocs[":blocId"].$patch({ param: params({ blocId }), json: changes }));

export const archiveBloc = (bloc: Pick<Bloc, "blocId" | "version">, archived: boolean) =>
  call(
    blocs[":blocId"][archived ? "archive" : "restore"].$post({
      param: params({ blocId: bloc.blocId }),
      json: { version: bloc.version },
    }),
  );

export const setMembers = (blocId: string, y: number, body: z.input<typeof SetMembersInput>) =>
  call(year.members.$put({ param: params({ blocId, year: y }), json: body }));

export const setSeats = (blocId: string, y: number, body: z.input<typeof SetSeatsInput>) =>
  call(year.seats.$put({ param: params({ blocId, year: y }), json: body }));

export const openYear = (blocId: string, y: number, body: z.input<typeof OpenYearInput>) =>
  call(year.open.$post({ param: params({ blocId, year: y }), json: body }));

/** What preparing a year from the one before would copy (asked only when the board opens the preview). */
export const rolloverQuery = (blocId: string, y: number) =>
  queryOptions({
    queryKey: [...blocKeys.year(blocId, y), "rollover"] as const,
    queryFn: () => call(year.rollover.$get({ param: params({ blocId, year: y }) })),
    staleTime: 0,
  });

export const rollover = (blocId: string, y: number) =>
  call(year.rollover.$post({ param: params({ blocId, year: y }) }));
