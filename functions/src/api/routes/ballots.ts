import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  Ballot,
  CastInput,
  castVote,
  closeBallot,
  handOver,
  listBallots,
  OpenBallotInput,
  openBallot,
  PresenceInput,
  setPresence,
} from "@thidua/core/ballot";
import { CycleView, HandoverInput } from "@thidua/core/cycle";
import { ReadVersionInput } from "@thidua/core/edit/rules";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, body, defineRoute, json, pathParam, provinceReaders } from "../route.ts";

const ballots = "/blocs/{blocId}/years/{year}/ballots";
const ballotParams = blocYearParams.extend(pathParam("ballotId", "leading_unit-r1").shape);
// Who may call is settled per year in core: the leader opens, records and closes; members vote.
const access = provinceReaders;

/** The year-end vote: ballots opened by the leader, one per member, counted under the year's rules. */
export const ballotRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(access, {
      method: "get",
      path: ballots,
      operationId: "listBallots",
      tags: ["ballots"],
      summary: "The year's ballots: who has voted while open (never what), the count once closed",
      request: { params: blocYearParams },
      responses: { 200: json(z.object({ items: z.array(Ballot) }), "The ballots") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json({ items: await listBallots(actorOf(c), blocId, year) }, 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: ballots,
      operationId: "openBallot",
      refusals: ["ballot.invalid_candidates"],
      tags: ["ballots"],
      summary: "Open a round of a vote (leader): eligible members as candidates, secret when the rules say",
      request: { params: blocYearParams, body: body(OpenBallotInput) },
      responses: { 201: json(Ballot, "The ballot") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await openBallot(actorOf(c), blocId, year, c.req.valid("json")), 201);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${ballots}/{ballotId}/presence`,
      operationId: "setBallotPresence",
      refusals: ["ballot.not_member"],
      tags: ["ballots"],
      summary: "Record the members present at the conference (the quorum counts them)",
      request: { params: ballotParams, body: body(PresenceInput) },
      responses: { 200: json(Ballot, "The ballot") },
    }),
    async (c) => {
      const { blocId, year, ballotId } = c.req.valid("param");
      return c.json(await setPresence(actorOf(c), blocId, year, ballotId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${ballots}/{ballotId}/votes`,
      operationId: "castVote",
      refusals: ["ballot.too_many_choices"],
      tags: ["ballots"],
      summary: "A member casts its ballot, once (secret: nothing stored links it to its choices)",
      request: { params: ballotParams, body: body(CastInput) },
      responses: { 201: json(Ballot, "The ballot, turnout only") },
    }),
    async (c) => {
      const { blocId, year, ballotId } = c.req.valid("param");
      return c.json(await castVote(actorOf(c), blocId, year, ballotId, c.req.valid("json")), 201);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${ballots}/{ballotId}/close`,
      operationId: "closeBallot",
      tags: ["ballots"],
      summary: "Close and count (leader); below quorum it stays open (409)",
      request: { params: ballotParams, body: body(ReadVersionInput) },
      responses: { 200: json(Ballot, "The ballot with its count") },
    }),
    async (c) => {
      const { blocId, year, ballotId } = c.req.valid("param");
      return c.json(await closeBallot(actorOf(c), blocId, year, ballotId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: "/blocs/{blocId}/years/{year}/handover",
      operationId: "handOverYear",
      tags: ["ballots"],
      summary: "Hand the bloc over: the elected leader and deputies take next year's seats, the handover is recorded",
      request: { params: blocYearParams, body: body(HandoverInput) },
      responses: { 200: json(CycleView, "The year, handed over") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await handOver(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  );
