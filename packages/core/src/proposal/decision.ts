import type { Actor } from "../actor.ts";
import { awardTypesOf } from "../award/index.ts";
import { signedNow } from "../cycle/participation.ts";
import type { ProvinceItem } from "../db/province.ts";
import { boardOnly, provinceReaders, provinceScope } from "../db/scope.ts";
import { type Change, commit, createItem, putVersioned } from "../db/write.ts";
import { conflict, invalid, notFound, parseInput } from "../error.ts";
import { getUnit } from "../unit/index.ts";
import { stillNotRequired } from "./prerequisites.ts";
import { DecideInput, EnterAwardInput, type Proposal, type UnitAward } from "./proposal.rules.ts";
import { slotFreed } from "./slot.ts";

type ProposalRecord = ProvinceItem<"proposal">;
const stale = () => conflict("proposal.stale", "The proposal was changed meanwhile; reload");
const recorded = () => conflict("award.already_recorded", "The unit already has this award that year");

/** The award a unit holds from now on, in its history (created once per unit, year and award type). */
const awardRecorded = (award: UnitAward): Change =>
  createItem("unitAward", award, {
    conflict: recorded,
    audit: {
      action: "create",
      entity: "unitAward",
      entityId: `${award.unitId}/${award.year}/${award.awardTypeId}`,
      after: award,
    },
  });

/**
 * The board decides a pending proposal: approves it with the decision's number, date and signer (the
 * award enters the unit's history in the same transaction), returns it with a reason (the bloc may
 * revise and resubmit; the slot stays held) or rejects it with a reason (the slot is freed).
 */
export async function decide(
  actor: Actor,
  key: { year: number; blocId: string; awardTypeId: string; unitId: string },
  input: unknown,
): Promise<Proposal> {
  const decision = parseInput(DecideInput, input);
  const scope = provinceScope(actor, boardOnly);
  const { data: before } = await scope.db.proposal.get(key).go();
  if (!before) throw notFound("proposal.not_found");
  if (before.version !== decision.version) throw stale();
  if (before.status !== "proposed")
    throw conflict("proposal.not_pending", `The proposal is ${before.status}: there is nothing to decide`);
  const { version, outcome, ...details } = decision;
  const status = outcome === "approve" ? "approved" : outcome === "return" ? "returned" : "rejected";
  const after: ProposalRecord = {
    ...before,
    status,
    decision: { outcome, ...details, ...signedNow(actor) },
    version: version + 1,
  };
  const entityId = `${key.year}/${key.blocId}/${key.awardTypeId}/${key.unitId}`;
  await commit(scope, [
    putVersioned("proposal", after, version, {
      conflict: stale,
      audit: {
        action: "update",
        entity: "proposal",
        entityId,
        before: { status: before.status },
        after: { status, ...(outcome === "approve" ? details : {}) },
        ...("reason" in details ? { reason: details.reason } : {}),
      },
    }),
    ...(outcome === "approve"
      ? [
          awardRecorded({
            ...key,
            source: "proposal",
            decisionNumber: decision.outcome === "approve" ? decision.decisionNumber : undefined,
            decisionDate: decision.outcome === "approve" ? decision.decisionDate : undefined,
          }),
        ]
      : []),
    ...(outcome === "reject" ? [...slotFreed(key), ...stillNotRequired(await awardTypesOf(scope), key)] : []),
  ]);
  return after as Proposal;
}

/** A unit's awards, most recent first: for everyone in the province. */
export async function listUnitAwards(actor: Actor, unitId: string): Promise<UnitAward[]> {
  await getUnit(actor, unitId);
  const { db } = provinceScope(actor, provinceReaders);
  const { data } = await db.unitAward.query.byUnit({ unitId }).go({ pages: "all" });
  return data.map((a) => a as UnitAward).sort((a, b) => b.year - a.year);
}

/** The board enters an award of an earlier year, so conditions spanning years work from the first year of use. */
export async function enterAward(actor: Actor, unitId: string, input: unknown): Promise<UnitAward> {
  const fields = parseInput(EnterAwardInput, input);
  const scope = provinceScope(actor, boardOnly);
  await getUnit(actor, unitId);
  if (!(await awardTypesOf(scope)).some((t) => t.awardTypeId === fields.awardTypeId))
    throw invalid("award_type.not_found", "Not an award type of the province", [
      { path: "awardTypeId", message: "award_type.not_found" },
    ]);
  const award: UnitAward = { unitId, ...fields, source: "entered" };
  await commit(scope, [awardRecorded(award)]);
  return award;
}
