import { OpenAPIHono } from "@hono/zod-openapi";
import { Participation } from "@thidua/core/cycle";
import { ReadVersionInput } from "@thidua/core/edit/rules";
import {
  AssignScorerInput,
  acceptRemaining,
  assignScorer,
  getRanking,
  getScoreGrid,
  lockSheet,
  Ranking,
  ReasonInput,
  recuse,
  SaveScoresInput,
  ScoreGrid,
  saveScores,
  submitScores,
  unlockSheet,
  VerifyLineInput,
  verifyLine,
} from "@thidua/core/score";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, body, defineRoute, json, pathParam, provinceReaders } from "../route.ts";
import { memberParams } from "./cycle.ts";

const year = "/blocs/{blocId}/years/{year}";
const member = `${year}/units/{unitId}`;
const lineParams = memberParams.extend(pathParam("lineId", "1.2").shape);
// Who may call is settled per year in core (scorers and leaders are units of that year).
const access = provinceReaders;
const part = json(Participation, "The member's part");

/** Self-scoring, verification and the ranking of a bloc-year. */
export const scoreRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(access, {
      method: "get",
      path: `${year}/scores`,
      operationId: "getScoreGrid",
      tags: ["scores"],
      summary: "The verification grid: the table's lines and the sheets the caller may read, with totals",
      request: { params: blocYearParams },
      responses: { 200: json(ScoreGrid, "The grid") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await getScoreGrid(actorOf(c), blocId, year), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "get",
      path: `${year}/ranking`,
      operationId: "getRanking",
      tags: ["scores"],
      summary: "The ranking from verified scores, in the rules' tie-break order",
      request: { params: blocYearParams },
      responses: { 200: json(Ranking, "The ranking") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await getRanking(actorOf(c), blocId, year), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${member}/scores`,
      operationId: "saveScores",
      refusals: ["score.invalid", "score.unknown_line"],
      tags: ["scores"],
      summary: "A member scores its own lines (those sent), within each line's max",
      request: { params: memberParams, body: body(SaveScoresInput) },
      responses: { 200: part },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await saveScores(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${member}/scores/submit`,
      operationId: "submitScores",
      refusals: ["score.incomplete"],
      tags: ["scores"],
      summary: "A member submits its sheet: every criterion scored, evidence where required",
      request: { params: memberParams, body: body(ReadVersionInput) },
      responses: { 200: part },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await submitScores(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${member}/scorer`,
      operationId: "assignScorer",
      refusals: ["score.scorer_not_member", "score.self_verify", "score.scorer_recused"],
      tags: ["scores"],
      summary: "The leader assigns the member that verifies this sheet (never the unit itself)",
      request: { params: memberParams, body: body(AssignScorerInput) },
      responses: { 200: part },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await assignScorer(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${member}/scorer/recuse`,
      operationId: "recuseScorer",
      tags: ["scores"],
      summary: "The assigned scorer steps back from the sheet, with a reason",
      request: { params: memberParams, body: body(ReasonInput) },
      responses: { 200: part },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await recuse(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${member}/scores/{lineId}/verified`,
      operationId: "verifyScoreLine",
      refusals: ["score.invalid", "score.reason_required", "score.unknown_line"],
      tags: ["scores"],
      summary: "Verify one line: the points found, with a reason when they differ from the unit's",
      request: { params: lineParams, body: body(VerifyLineInput) },
      responses: { 200: part },
    }),
    async (c) => {
      const { blocId, year, unitId, lineId } = c.req.valid("param");
      return c.json(await verifyLine(actorOf(c), blocId, year, unitId, lineId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${member}/scores/accept-remaining`,
      operationId: "acceptRemainingScores",
      tags: ["scores"],
      summary: "Verify every line not verified yet at the unit's own points",
      request: { params: memberParams, body: body(ReadVersionInput) },
      responses: { 200: part },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await acceptRemaining(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${member}/scores/lock`,
      operationId: "lockScores",
      tags: ["scores"],
      summary: "Lock a sheet whose lines are all verified",
      request: { params: memberParams, body: body(ReadVersionInput) },
      responses: { 200: part },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await lockSheet(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(
      { roles: ["board"] },
      {
        method: "post",
        path: `${member}/scores/unlock`,
        operationId: "unlockScores",
        tags: ["scores"],
        summary: "The board unlocks a verified sheet, with a reason",
        request: { params: memberParams, body: body(ReasonInput) },
        responses: { 200: part },
      },
    ),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await unlockSheet(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  );
