import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  CycleView,
  fileReport,
  getCycle,
  listYearCycles,
  MovePhaseInput,
  movePhase,
  Participation,
  RegisterInput,
  ReportInput,
  register,
  SetDeadlinesInput,
  SummaryInput,
  saveSummary,
  setDeadlines,
  signCovenant,
  summaryDraftOf,
  YearCycles,
} from "@thidua/core/cycle";
import { ReadVersionInput } from "@thidua/core/edit/rules";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, body, defineRoute, json, pathParam, provinceReaders, yearParam } from "../route.ts";

/** A member of a bloc-year, in a path. */
export const memberParams = blocYearParams.extend(pathParam("unitId", "hoi-nha-bao-tinh").shape);
const year = "/blocs/{blocId}/years/{year}";
const member = `${year}/units/{unitId}`;
// Who may call is settled per year in core (the leader is a unit of that year): the routes admit the province.
const access = provinceReaders;

/** The year of a bloc once launched: phases, deadlines, registration, covenant, mid-year review. */
export const cycleRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(access, {
      method: "get",
      path: "/years/{year}/cycles",
      operationId: "listYearCycles",
      tags: ["cycle"],
      summary: "Every bloc the caller may see with its year: where each stands (the board's overview)",
      request: { params: yearParam },
      responses: { 200: json(YearCycles, "The blocs and their years") },
    }),
    async (c) => c.json(await listYearCycles(actorOf(c), c.req.valid("param").year), 200),
  )
  .openapi(
    defineRoute(access, {
      method: "get",
      path: `${year}/cycle`,
      operationId: "getCycle",
      tags: ["cycle"],
      summary: "Where a launched year stands: phase, deadlines, every member's progress, what the next move needs",
      request: { params: blocYearParams },
      responses: { 200: json(CycleView, "The year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await getCycle(actorOf(c), blocId, year), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${year}/cycle/phase`,
      operationId: "moveCyclePhase",
      refusals: ["cycle.reason_required"],
      tags: ["cycle"],
      summary:
        "Move the year to its next phase (409 listing what is missing), or reopen an earlier one (board, with a reason)",
      request: { params: blocYearParams, body: body(MovePhaseInput) },
      responses: { 200: json(CycleView, "The year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await movePhase(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${year}/cycle/deadlines`,
      operationId: "setCycleDeadlines",
      refusals: ["cycle.deadline_outside_year"],
      tags: ["cycle"],
      summary: "Set the deadlines of the year's phases",
      request: { params: blocYearParams, body: body(SetDeadlinesInput) },
      responses: { 200: json(CycleView, "The year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await setDeadlines(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "get",
      path: `${year}/cycle/summary-draft`,
      operationId: "getSummaryDraft",
      tags: ["cycle"],
      summary: "A draft of the mid-year summary, assembled from the members' reports",
      request: { params: blocYearParams },
      responses: { 200: json(z.object({ text: z.string() }), "The draft") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await summaryDraftOf(actorOf(c), blocId, year), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${year}/cycle/summary`,
      operationId: "saveSummary",
      tags: ["cycle"],
      summary: "Save the mid-year summary, and publish it to the members",
      request: { params: blocYearParams, body: body(SummaryInput) },
      responses: { 200: json(CycleView, "The year") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await saveSummary(actorOf(c), blocId, year, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${member}/registration`,
      operationId: "registerUnit",
      refusals: ["award_type.not_found"],
      tags: ["cycle"],
      summary: "A member registers its targets and the awards it aims for",
      request: { params: memberParams, body: body(RegisterInput) },
      responses: { 200: json(Participation, "The member's part") },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await register(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "post",
      path: `${member}/covenant`,
      operationId: "signCovenant",
      tags: ["cycle"],
      summary: "A member signs the covenant (once)",
      request: { params: memberParams, body: body(ReadVersionInput) },
      responses: { 200: json(Participation, "The member's part") },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await signCovenant(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(access, {
      method: "put",
      path: `${member}/report`,
      operationId: "fileReport",
      tags: ["cycle"],
      summary: "A member files its mid-year report",
      request: { params: memberParams, body: body(ReportInput) },
      responses: { 200: json(Participation, "The member's part") },
    }),
    async (c) => {
      const { blocId, year, unitId } = c.req.valid("param");
      return c.json(await fileReport(actorOf(c), blocId, year, unitId, c.req.valid("json")), 200);
    },
  );
