import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  DecideInput,
  decide,
  EnterAwardInput,
  enterAward,
  listBlocProposals,
  listProposals,
  listUnitAwards,
  Proposal,
  ProposeInput,
  propose,
  UnitAward,
  WithdrawInput,
  withdraw,
} from "@thidua/core/proposal";
import { type AppEnv, actorOf } from "../context.ts";
import { blocYearParams, boardOnly, body, defineRoute, json, pathParam, provinceReaders } from "../route.ts";

const proposals = "/blocs/{blocId}/years/{year}/proposals";
const proposalParams = blocYearParams
  .extend(pathParam("awardTypeId", "provincial-flag").shape)
  .extend(pathParam("unitId", "hoi-nha-bao-tinh").shape);
const unitIdParam = pathParam("unitId", "hoi-nha-bao-tinh");
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
      refusals: ["proposal.not_member", "proposal.invalid_ballot", "award_type.not_found"],
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
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: `${proposals}/{awardTypeId}/{unitId}/decision`,
      operationId: "decideProposal",
      tags: ["proposals"],
      summary: "The board approves (decision number, date, signer), returns or rejects (with a reason) a proposal",
      request: { params: proposalParams, body: body(DecideInput) },
      responses: { 200: json(Proposal, "The proposal") },
    }),
    async (c) => {
      const { blocId, year, awardTypeId, unitId } = c.req.valid("param");
      return c.json(await decide(actorOf(c), { year, blocId, awardTypeId, unitId }, c.req.valid("json")), 200);
    },
  )
  .openapi(
    defineRoute(provinceReaders, {
      method: "get",
      path: "/units/{unitId}/awards",
      operationId: "listUnitAwards",
      tags: ["proposals"],
      summary: "A unit's awards, most recent first",
      request: { params: unitIdParam },
      responses: { 200: json(z.object({ items: z.array(UnitAward) }), "The awards") },
    }),
    async (c) => c.json({ items: await listUnitAwards(actorOf(c), c.req.valid("param").unitId) }, 200),
  )
  .openapi(
    defineRoute(boardOnly, {
      method: "post",
      path: "/units/{unitId}/awards",
      operationId: "enterUnitAward",
      refusals: ["award_type.not_found"],
      tags: ["proposals"],
      summary: "Enter an award of an earlier year into a unit's history",
      request: { params: unitIdParam, body: body(EnterAwardInput) },
      responses: { 201: json(UnitAward, "The award") },
    }),
    async (c) => c.json(await enterAward(actorOf(c), c.req.valid("param").unitId, c.req.valid("json")), 201),
  );
