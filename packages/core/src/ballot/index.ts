import { randomUUID } from "node:crypto";
import type { Actor } from "../actor.ts";
import { assertLeads, assertPhase, type YearContext, yearContext, yearStillIn } from "../cycle/access.ts";
import { signedNow } from "../cycle/participation.ts";
import type { ProvinceItem } from "../db/province.ts";
import { addTo, commit, createItem, putVersioned } from "../db/write.ts";
import { ReadVersionInput } from "../edit/edit.rules.ts";
import { conflict, forbidden, invalid, notFound, parseInput } from "../error.ts";
import { isUnderDiscipline } from "../unit/unit.rules.ts";
import { type Ballot, CastInput, OpenBallotInput, PresenceInput, tally } from "./ballot.rules.ts";

export * from "./ballot.rules.ts";
export { handOver } from "./handover.ts";

type BallotRecord = ProvinceItem<"ballot">;

const stale = () => conflict("ballot.stale", "The ballot was changed meanwhile; reload");
const closed = () => conflict("ballot.closed", "The ballot is closed");

/** The year's ballots with who has voted: one query of the year's partition per kind of item. */
async function ballotsOf(ctx: YearContext) {
  const key = { blocId: ctx.year.blocId, year: ctx.year.year };
  const [ballots, marks] = await Promise.all([
    ctx.scope.db.ballot.query.byYear(key).go({ pages: "all" }),
    ctx.scope.db.ballotMark.query.byBallot(key).go({ pages: "all" }),
  ]);
  return { ballots: ballots.data, marks: marks.data };
}

/** A ballot as the caller sees it: who voted, never what, and the count only once closed. */
const view = (b: BallotRecord, voted: string[]): Ballot => ({
  ballotId: b.ballotId,
  kind: b.kind,
  ...(b.awardTypeId ? { awardTypeId: b.awardTypeId } : {}),
  round: b.round,
  candidates: b.candidates,
  seats: b.seats,
  secret: b.secret,
  status: b.status,
  present: b.present,
  voted,
  ...(b.status === "closed" && b.count ? { count: b.count } : {}),
  ...(b.closed ? { closed: b.closed } : {}),
  version: b.version,
});

/** The year's ballots: the year, its ballots and who voted (3 requests, 4 for a council member). */
export const listBallots = async (actor: Actor, blocId: string, year: number): Promise<Ballot[]> =>
  yearBallots(await yearContext(actor, blocId, year, { parts: false }));

/** The ballots of a year already read (2 requests), as the caller sees them. */
export async function yearBallots(ctx: YearContext): Promise<Ballot[]> {
  const { ballots, marks } = await ballotsOf(ctx);
  return ballots.map((b) =>
    view(
      b,
      marks.filter((m) => m.ballotId === b.ballotId).map((m) => m.unitId),
    ),
  );
}

async function ballotFor(ctx: YearContext, ballotId: string) {
  const { data } = await ctx.scope.db.ballot.get({ blocId: ctx.year.blocId, year: ctx.year.year, ballotId }).go();
  if (!data) throw notFound("ballot.not_found");
  return data;
}

/**
 * The leader opens a ballot once the year is ranked: its candidates are members, eligible under the
 * year's rules (no unit under discipline; for next year's leader, not this year's). Secret when the rules
 * say so.
 */
export async function openBallot(actor: Actor, blocId: string, year: number, input: unknown): Promise<Ballot> {
  const fields = parseInput(OpenBallotInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true, units: true });
  assertLeads(ctx);
  const phase = assertPhase(ctx, "ranked");
  const problems = fields.candidates.flatMap((id, i) => {
    const path = `candidates.${i}`;
    if (!ctx.year.memberUnitIds.includes(id)) return [{ path, message: "ballot.not_member" }];
    const unit = ctx.units.find((u) => u.unitId === id);
    if (ctx.rules.eligibility.disciplineExcludes && unit && isUnderDiscipline(unit, year))
      return [{ path, message: "ballot.candidate_disciplined" }];
    if (fields.kind === "leader" && ctx.rules.rotation.noConsecutiveLeader && id === ctx.year.leaderUnitId)
      return [{ path, message: "bloc.leader_consecutive" }];
    return [];
  });
  if (problems.length) throw invalid("ballot.invalid_candidates", "Some candidates cannot stand", problems);
  if (fields.seats > fields.candidates.length)
    throw invalid("ballot.invalid_candidates", "More seats than candidates", [
      { path: "seats", message: "ballot.too_many_seats" },
    ]);
  const { ballots } = await ballotsOf(ctx);
  const topic = (b: { kind: string; awardTypeId?: string }) => `${b.kind}/${b.awardTypeId ?? ""}`;
  const earlier = ballots.filter((b) => topic(b) === topic(fields));
  if (earlier.some((b) => b.status === "open")) throw conflict("ballot.already_open", "A round of this vote is open");
  const round = earlier.length + 1;
  const ballotId = [fields.kind, fields.awardTypeId, `r${round}`].filter(Boolean).join("-");
  const record: BallotRecord = {
    blocId,
    year,
    ballotId,
    kind: fields.kind,
    ...(fields.awardTypeId ? { awardTypeId: fields.awardTypeId } : {}),
    round,
    candidates: fields.candidates,
    seats: fields.seats,
    secret: ctx.rules.ballot.secret,
    status: "open",
    present: [],
    cast: 0,
    version: 1,
  };
  await commit(ctx.scope, [
    createItem("ballot", record, {
      conflict: () => conflict("ballot.already_open", "This round was opened meanwhile"),
      audit: { action: "create", entity: "ballot", entityId: `${blocId}/${year}/${ballotId}`, after: view(record, []) },
    }),
    ...yearStillIn(ctx, phase),
  ]);
  return view(record, []);
}

/** The leader records the members present at the conference; the quorum counts them. */
export async function setPresence(actor: Actor, blocId: string, year: number, ballotId: string, input: unknown) {
  const { present, version } = parseInput(PresenceInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  const ballot = await ballotFor(ctx, ballotId);
  if (ballot.status !== "open") throw closed();
  if (ballot.version !== version) throw stale();
  const outsiders = present.flatMap((id, i) =>
    ctx.year.memberUnitIds.includes(id) ? [] : [{ path: `present.${i}`, message: "ballot.not_member" }],
  );
  if (outsiders.length) throw invalid("ballot.not_member", "Only members are present", outsiders);
  const after = { ...ballot, present, version: version + 1 };
  await commit(ctx.scope, [
    putVersioned("ballot", after, version, {
      conflict: stale,
      audit: {
        action: "update",
        entity: "ballot",
        entityId: `${blocId}/${year}/${ballotId}`,
        before: { present: ballot.present },
        after: { present },
      },
    }),
  ]);
  return view(after, await votersOf(ctx, ballotId));
}

/** The marks of one ballot (who voted, and what when the ballot is open), one query. */
const marksOf = async (ctx: YearContext, ballotId: string) =>
  (
    await ctx.scope.db.ballotMark.query
      .byBallot({ blocId: ctx.year.blocId, year: ctx.year.year, ballotId })
      .go({ pages: "all" })
  ).data;

const votersOf = async (ctx: YearContext, ballotId: string) => (await marksOf(ctx, ballotId)).map((m) => m.unitId);

/**
 * A member casts its ballot, once (any of its officers; a second answers 409). Secret: the mark that it
 * voted and an anonymous paper with its choices are written in one transaction, and nothing links them.
 */
export async function castVote(actor: Actor, blocId: string, year: number, ballotId: string, input: unknown) {
  const { unitId, choices } = parseInput(CastInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  if (!ctx.year.memberUnitIds.includes(unitId) || ctx.ownUnitId !== unitId)
    throw forbidden("ballot.not_member", "Only a member votes, for itself");
  const ballot = await ballotFor(ctx, ballotId);
  if (ballot.status !== "open") throw closed();
  const outside = choices.flatMap((id, i) =>
    ballot.candidates.includes(id) ? [] : [{ path: `choices.${i}`, message: "ballot.not_candidate" }],
  );
  if (outside.length) throw conflict("ballot.not_candidate", "Vote for the ballot's candidates", outside);
  if (choices.length > ballot.seats)
    throw invalid("ballot.too_many_choices", `At most ${ballot.seats} choices`, [
      { path: "choices", message: "ballot.too_many_choices", limit: ballot.seats },
    ]);
  const key = { blocId, year, ballotId };
  const once = () => conflict("ballot.already_voted", "This member has voted");
  await commit(ctx.scope, [
    createItem(
      "ballotMark",
      { ...key, unitId, ...(ballot.secret ? {} : { choices }) },
      {
        conflict: once,
        // Who voted, never what: the trail of a secret ballot keeps no choice either.
        audit: {
          action: "create",
          entity: "ballot",
          entityId: `${blocId}/${year}/${ballotId}`,
          after: { voted: unitId },
        },
      },
    ),
    ...(ballot.secret
      ? [createItem("ballotPaper", { ...key, paperId: randomUUID(), choices }, { conflict: once })]
      : []),
    // The count of ballots cast moves with each one, so a close that read fewer cannot pass.
    addTo("ballot", key, { cast: 1 }, (attr, op) => op.eq(attr.status, "open"), closed),
  ]);
  return view(ballot, await votersOf(ctx, ballotId));
}

/**
 * The leader closes the ballot: the count under the year's quorum and threshold. Below quorum the ballot
 * stays open (409): no winner without the members present.
 */
export async function closeBallot(actor: Actor, blocId: string, year: number, ballotId: string, input: unknown) {
  const { version } = parseInput(ReadVersionInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  const ballot = await ballotFor(ctx, ballotId);
  if (ballot.status !== "open") throw closed();
  if (ballot.version !== version) throw stale();
  const key = { blocId, year };
  const [marks, papers] = await Promise.all([
    marksOf(ctx, ballotId),
    ctx.scope.db.ballotPaper.query.byBallot({ ...key, ballotId }).go({ pages: "all" }),
  ]);
  const chosen = ballot.secret ? papers.data.map((p) => p.choices) : marks.map((m) => m.choices ?? []);
  const votes: Record<string, number> = Object.fromEntries(ballot.candidates.map((c) => [c, 0]));
  for (const choice of chosen.flat()) votes[choice] = (votes[choice] ?? 0) + 1;
  const result = tally({
    members: ctx.year.memberUnitIds.length,
    present: ballot.present.length,
    votes,
    candidates: ballot.candidates,
    seats: ballot.seats,
    quorum: ctx.rules.ballot.quorum,
    threshold: ctx.rules.ballot.threshold,
  });
  if (!result.quorumMet)
    throw conflict("ballot.below_quorum", "Too few members present to close with a result", [
      {
        path: "present",
        message: "ballot.below_quorum",
        limit: Math.ceil(ctx.rules.ballot.quorum * ctx.year.memberUnitIds.length - 1e-9),
      },
    ]);
  const count = { returned: chosen.length, blank: chosen.filter((c) => c.length === 0).length, votes, result };
  const after = { ...ballot, status: "closed" as const, count, closed: signedNow(actor), version: version + 1 };
  await commit(ctx.scope, [
    putVersioned("ballot", after, version, {
      // A ballot cast after the read: close again to count it.
      also: (attr, op) => op.eq(attr.cast, marks.length),
      conflict: stale,
      audit: {
        action: "update",
        entity: "ballot",
        entityId: `${blocId}/${year}/${ballotId}`,
        after: { status: "closed", count },
      },
    }),
  ]);
  return view(
    after,
    marks.map((m) => m.unitId),
  );
}
