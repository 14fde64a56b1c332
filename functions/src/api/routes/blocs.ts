import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  Bloc,
  BlocYear,
  CreateBlocInput,
  createBloc,
  getBloc,
  getBlocYear,
  listBlocs,
  OpenYearInput,
  openYear,
  SetMembersInput,
  SetSeatsInput,
  setBlocArchived,
  setMembers,
  setSeats,
  UpdateBlocInput,
  updateBloc,
} from "@thidua/core/bloc";
import { VersionInput } from "@thidua/core/edit/rules";
import { previewRollover, RolloverPreview, rollover } from "@thidua/core/rollover";
import { type AppEnv, actorOf } from "../context.ts";
import {
  blocIdParam,
  blocYearParams,
  boardOnly,
  body,
  defineRoute,
  json,
  nextBlocYearParams,
  provinceReaders,
} from "../route.ts";

/** Blocs and clusters, and each one's year: members, leader and deputies, opening. */
export const blocRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/blocs",
      operationId: "listBlocs",
      tags: ["blocs"],
      summary: "Blocs the caller may see (the board sees all), in Vietnamese order",
      responses: { 200: json(z.object({ items: z.array(Bloc) }), "Blocs") },
    }),
    async (c) => c.json({ items: await listBlocs(actorOf(c)) }, 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/blocs",
      operationId: "createBloc",
      tags: ["blocs"],
      summary: "Create a bloc or cluster",
      request: { body: body(CreateBlocInput) },
      responses: { 201: json(Bloc, "Created") },
    }),
    async (c) => c.json(await createBloc(actorOf(c), c.req.valid("json")), 201),
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/blocs/{blocId}",
      operationId: "getBloc",
      tags: ["blocs"],
      summary: "Read a bloc",
      request: { params: blocIdParam },
      responses: { 200: json(Bloc, "The bloc") },
    }),
    async (c) => c.json(await getBloc(actorOf(c), c.req.valid("param").blocId), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "patch",
      path: "/blocs/{blocId}",
      operationId: "updateBloc",
      tags: ["blocs"],
      summary: "Rename a bloc, change its kind or the council members who follow it",
      request: { params: blocIdParam, body: body(UpdateBlocInput) },
      responses: { 200: json(Bloc, "The updated bloc") },
    }),
    async (c) => c.json(await updateBloc(actorOf(c), c.req.valid("param").blocId, c.req.valid("json")), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/blocs/{blocId}/archive",
      operationId: "archiveBloc",
      tags: ["blocs"],
      summary: "Archive a bloc: its past years stay, no year of it can be edited",
      request: { params: blocIdParam, body: body(VersionInput) },
      responses: { 200: json(Bloc, "The archived bloc") },
    }),
    async (c) => c.json(await setBlocArchived(actorOf(c), c.req.valid("param").blocId, c.req.valid("json"), true), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/blocs/{blocId}/restore",
      operationId: "restoreBloc",
      tags: ["blocs"],
      summary: "Restore an archived bloc",
      request: { params: blocIdParam, body: body(VersionInput) },
      responses: { 200: json(Bloc, "The restored bloc") },
    }),
    async (c) =>
      c.json(await setBlocArchived(actorOf(c), c.req.valid("param").blocId, c.req.valid("json"), false), 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "get",
      path: "/blocs/{blocId}/years/{year}/rollover",
      operationId: "previewRollover",
      tags: ["blocs"],
      summary: "What preparing this year from the one before would copy: members, quotas (seats are chosen again)",
      request: { params: nextBlocYearParams },
      responses: { 200: json(RolloverPreview, "The preview") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await previewRollover(actorOf(c), blocId, year), 200);
    },
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/blocs/{blocId}/years/{year}/rollover",
      operationId: "rolloverBlocYear",
      tags: ["blocs"],
      summary: "Prepare this year from the one before, as the preview shows (409 once the year is saved)",
      request: { params: nextBlocYearParams },
      responses: { 201: json(BlocYear, "The prepared year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await rollover(actorOf(c), blocId, year), 201);
    },
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/blocs/{blocId}/years/{year}",
      operationId: "getBlocYear",
      tags: ["blocs"],
      summary: "A bloc's year: members, seats, status (version 0 when not saved yet)",
      request: { params: blocYearParams },
      responses: { 200: json(BlocYear, "The bloc-year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await getBlocYear(actorOf(c), blocId, year), 200);
    },
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "put",
      path: "/blocs/{blocId}/years/{year}/members",
      operationId: "setBlocMembers",
      refusals: ["bloc.unknown_unit", "bloc_year.reason_required"],
      tags: ["blocs"],
      summary: "Set the members of a year (a unit belongs to one bloc or cluster per year)",
      request: { params: blocYearParams, body: body(SetMembersInput) },
      responses: { 200: json(BlocYear, "The bloc-year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await setMembers(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "put",
      path: "/blocs/{blocId}/years/{year}/seats",
      operationId: "setBlocSeats",
      refusals: ["bloc.seats_invalid"],
      tags: ["blocs"],
      summary: "Set the leader and deputies of a year, under rotation and eligibility rules",
      request: { params: blocYearParams, body: body(SetSeatsInput) },
      responses: { 200: json(BlocYear, "The bloc-year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await setSeats(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(
      { roles: ["board", "unit"] },
      {
        method: "post",
        path: "/blocs/{blocId}/years/{year}/open",
        operationId: "openBlocYear",
        refusals: ["bloc.no_criteria", "bloc.no_members"],
        tags: ["blocs"],
        summary:
          "Launch the year (the board or the year's leader): fixes its criteria table and a snapshot of the rules",
        request: { params: blocYearParams, body: body(OpenYearInput) },
        responses: { 200: json(BlocYear, "The opened bloc-year") },
      },
    ),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await openYear(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  );
