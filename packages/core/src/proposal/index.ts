import type { Actor } from "../actor.ts";
import { awardTypesOf, GOVERNMENT_FLAG } from "../award/index.ts";
import { assertLeads, assertPhase, yearContext, yearStillIn } from "../cycle/access.ts";
import { signedNow } from "../cycle/participation.ts";
import type { ProvinceItem } from "../db/province.ts";
import { boardOnly, provinceScope } from "../db/scope.ts";
import { commit, putVersioned } from "../db/write.ts";
import { conflict, invalid, notFound, parseInput } from "../error.ts";
import { readStored } from "../quota/index.ts";
import { defaultQuota, quotaFor } from "../quota/quota.rules.ts";
import { isUnderDiscipline } from "../unit/unit.rules.ts";
import { assertYearsInRow, prerequisitesHeld, stillNotRequired } from "./prerequisites.ts";
import { holdingStatuses, type Proposal, ProposeInput, WithdrawInput } from "./proposal.rules.ts";
import { governmentFlagRoom, slotFreed, slotTaken } from "./slot.ts";

export { decide, enterAward, listUnitAwards } from "./decision.ts";
export * from "./proposal.rules.ts";

type ProposalRecord = ProvinceItem<"proposal">;

const stale = () => conflict("proposal.stale", "The proposal was changed meanwhile; reload");
/** A stored proposal is what the API shows. */
const view = (p: ProposalRecord): Proposal => p as Proposal;

/**
 * The leader proposes a member for an award once the year is ranked: within the bloc's quota for the
 * year (a slot taken in the same transaction, under a condition, so simultaneous proposals never pass
 * it), for the government flag within the province's cap too, with the award's prerequisites held by the
 * unit that year and its "N years in a row" in its history, and never a unit under discipline.
 */
export async function propose(actor: Actor, blocId: string, year: number, input: unknown): Promise<Proposal> {
  const { unitId, awardTypeId, ballotId, note } = parseInput(ProposeInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true, units: true });
  assertLeads(ctx);
  const phase = assertPhase(ctx, "ranked");
  if (!ctx.year.memberUnitIds.includes(unitId))
    throw invalid("proposal.not_member", "Propose a member of the bloc", [
      { path: "unitId", message: "proposal.not_member" },
    ]);
  const unit = ctx.units.find((u) => u.unitId === unitId);
  if (ctx.rules.eligibility.disciplineExcludes && unit && isUnderDiscipline(unit, year))
    throw conflict("proposal.disciplined", "A unit under discipline this year cannot be proposed", [
      { path: "unitId", message: "proposal.disciplined" },
    ]);
  const [types, quotas, current, ballot] = await Promise.all([
    awardTypesOf(ctx.scope),
    readStored(ctx.scope, blocId, year),
    ctx.scope.db.proposal.get({ year, blocId, awardTypeId, unitId }).go(),
    ballotId ? ctx.scope.db.ballot.get({ blocId, year, ballotId }).go() : undefined,
  ]);
  // The vote a proposal follows is a closed ballot of this year (its result is what the board reads).
  if (ballot && ballot.data?.status !== "closed")
    throw invalid("proposal.invalid_ballot", "Attach a closed ballot of this year", [
      { path: "ballotId", message: "proposal.invalid_ballot" },
    ]);
  const type = types.find((t) => t.awardTypeId === awardTypeId && t.active);
  if (!type)
    throw invalid("award_type.not_found", "Not an active award type", [
      { path: "awardTypeId", message: "award_type.not_found" },
    ]);
  await assertYearsInRow(ctx.scope, type, unitId, year);
  const before = current.data;
  // A returned proposal is revised and sent again on the slot it holds.
  const resubmitted = before?.status === "returned";
  if (before && holdingStatuses.includes(before.status) && !resubmitted)
    throw conflict("proposal.exists", "This unit is already proposed for this award");
  const setting = quotas.items.find((q) => q.awardTypeId === awardTypeId) ?? defaultQuota(awardTypeId);
  const limit = quotaFor(setting, ctx.year.memberUnitIds.length);
  const record: ProposalRecord = {
    year,
    blocId,
    awardTypeId,
    unitId,
    status: "proposed",
    ...(ballotId ? { ballotId } : {}),
    ...(note ? { note } : {}),
    proposed: signedNow(actor),
    version: (before?.version ?? 0) + 1,
  };
  const cap = awardTypeId === GOVERNMENT_FLAG && !resubmitted ? await governmentFlagRoom(ctx.scope, year) : undefined;
  await commit(ctx.scope, [
    putVersioned("proposal", record, before?.version ?? 0, {
      conflict: () => conflict("proposal.exists", "This unit was proposed meanwhile"),
      audit: {
        action: before ? "update" : "create",
        entity: "proposal",
        entityId: `${year}/${blocId}/${awardTypeId}/${unitId}`,
        ...(before ? { before: { status: before.status } } : {}),
        after: { status: "proposed", ...(note ? { note } : {}) },
      },
    }),
    // Prerequisites first: when both fail, the missing prerequisite is what to fix.
    ...prerequisitesHeld(type, record),
    ...(resubmitted ? [] : slotTaken({ blocId, year, awardTypeId }, limit, cap)),
    ...yearStillIn(ctx, phase),
  ]);
  return view(record);
}

/** The leader withdraws a proposal the board has not decided: its slot is free again. */
export async function withdraw(
  actor: Actor,
  blocId: string,
  year: number,
  awardTypeId: string,
  unitId: string,
  input: unknown,
): Promise<Proposal> {
  const { version } = parseInput(WithdrawInput, input);
  const ctx = await yearContext(actor, blocId, year, { write: true });
  assertLeads(ctx);
  const { data: before } = await ctx.scope.db.proposal.get({ year, blocId, awardTypeId, unitId }).go();
  if (!before) throw notFound("proposal.not_found");
  if (before.version !== version) throw stale();
  if (before.status !== "proposed" && before.status !== "returned")
    throw conflict("proposal.decided", `The proposal is ${before.status}: it cannot be withdrawn`);
  const after: ProposalRecord = { ...before, status: "withdrawn", version: version + 1 };
  await commit(ctx.scope, [
    putVersioned("proposal", after, version, {
      conflict: stale,
      audit: {
        action: "update",
        entity: "proposal",
        entityId: `${year}/${blocId}/${awardTypeId}/${unitId}`,
        before: { status: before.status },
        after: { status: "withdrawn" },
      },
    }),
    ...slotFreed({ blocId, year, awardTypeId }),
    ...stillNotRequired(await awardTypesOf(ctx.scope), before),
  ]);
  return view(after);
}

/** A bloc-year's proposals, for those who may see the year. */
export async function listBlocProposals(actor: Actor, blocId: string, year: number): Promise<Proposal[]> {
  const ctx = await yearContext(actor, blocId, year, { parts: false });
  const { data } = await ctx.scope.db.proposal.query.byYear({ year, blocId }).go({ pages: "all" });
  return data.map(view);
}

/** The board's queue: every proposal of the province for a year, one query. */
export async function listProposals(actor: Actor, year: number): Promise<Proposal[]> {
  const { db } = provinceScope(actor, boardOnly);
  const { data } = await db.proposal.query.byYear({ year }).go({ pages: "all" });
  return data.map(view);
}
