import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  listBlocProposals,
  listProposals,
  Proposal,
  ProposeInput,
  propose,
  WithdrawInput,
  withdraw,
} from "@thidua/core/proposal";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, boardOnly, body, defineRoute, json, pathParam, provinceReaders } from "../route.ts";

const proposals = "/blocs/{blocId}/years/{year}/proposals";
const proposalParams = blocYearParams
  .extend(pathParam("awardTypeId", "provincial-flag").shape)
  .extend(pathParam("unitId", "van-phong-tinh-uy").shape);
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** The bloc's award proposals within its quotas, and the board's queue of them. */
export const proposalRoutes = new OpenAPIHono<AppEnv>()
  .openapi(
    defineRoute(boardOnly, {
      method: "get",
      path: "/proposals",
      operationId: "listProposals",
      tags: ["proposals"],
      summary: "The board's queue: every proposal of the province for a year",
      request: { query: YearQuery },
      responses: { 200: json(z.object({ items: z.array(Proposal) }), "The proposals") },
    }),
    async (c) => c.json({ items: await listProposals(actorOf(c), c.req.valid("query").year) }, 200),
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: proposals,
      operationId: "listBlocProposals",
      tags: ["proposals"],
      summary: "A bloc-year's proposals",
      request: { params: blocYearParams },
      responses: { 200: json(z.object({ items: z.array(Proposal) }), "The proposals") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json({ items: await listBlocProposals(actorOf(c), blocId, year) }, 200);
    },
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "post",
      path: proposals,
      operationId: "proposeAward",
      tags: ["proposals"],
      summary: "Propose a member for an award, within the quota and with its prerequisites (409 naming what fails)",
      request: { params: blocYearParams, body: body(ProposeInput) },
      responses: { 201: json(Proposal, "The proposal") },
    }),
    async (c) => {
      const { blocId, year } = c.req.valid("param");
      return c.json(await propose(actorOf(c), blocId, year, c.req.valid("json")), 201);
    },
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "post",
      path: `${proposals}/{awardTypeId}/{unitId}/withdraw`,
      operationId: "withdrawProposal",
      tags: ["proposals"],
      summary: "Withdraw a proposal the board has not decided: its slot is free again",
      request: { params: proposalParams, body: body(WithdrawInput) },
      responses: { 200: json(Proposal, "The proposal") },
    }),
    async (c) => {
      const { blocId, year, awardTypeId, unitId } = c.req.valid("param");
      return c.json(await withdraw(actorOf(c), blocId, year, awardTypeId, unitId, c.req.valid("json")), 200);
    },
  );
