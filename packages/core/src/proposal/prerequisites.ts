import { type AwardType, missingYearsInRow } from "../award/award.rules.ts";
import type { ProvinceItem } from "../db/province.ts";
import type { ProvinceScope } from "../db/scope.ts";
import { type Change, checkItem } from "../db/write.ts";
import { conflict } from "../error.ts";
import { holdingStatuses } from "./proposal.rules.ts";

type ProposalKey = Pick<ProvinceItem<"proposal">, "year" | "blocId" | "awardTypeId" | "unitId">;

/** Each prerequisite held that year: a proposal of the bloc for it, not withdrawn nor rejected, at commit time. */
export const prerequisitesHeld = (type: AwardType, p: ProposalKey): Change[] =>
  type.prerequisites.map((required) =>
    checkItem(
      "proposal",
      { ...p, awardTypeId: required },
      (attr, op) => holdingStatuses.map((s) => op.eq(attr.status, s)).join(" OR "),
      () =>
        conflict("proposal.missing_prerequisite", `The unit must hold ${required} this year first`, [
          { path: "awardTypeId", message: "proposal.missing_prerequisite" },
        ]),
    ),
  );

/**
 * A proposal that stops holding (withdrawn, rejected) must not be the prerequisite of another proposal of
 * the same unit that still holds (the government flag on its provincial flag): that one goes first.
 */
export const stillNotRequired = (types: readonly AwardType[], p: ProposalKey): Change[] =>
  types
    .filter((t) => t.prerequisites.includes(p.awardTypeId))
    .map((t) =>
      checkItem(
        "proposal",
        { ...p, awardTypeId: t.awardTypeId },
        (attr, op) =>
          `${op.notExists(attr.status)} OR (${holdingStatuses.map((s) => op.ne(attr.status, s)).join(" AND ")})`,
        () =>
          conflict("proposal.required_by", `The unit's proposal for ${t.awardTypeId} needs this one: settle it first`, [
            { path: "awardTypeId", message: "proposal.required_by" },
          ]),
      ),
    );

/**
 * "N years in a row": the unit's award history (one query; awards never leave it, so what is read holds
 * at commit) must have each required award in the years just before.
 */
export async function assertYearsInRow(scope: ProvinceScope, type: AwardType, unitId: string, year: number) {
  if (type.yearsInRow.length === 0) return;
  const { data: held } = await scope.db.unitAward.query.byUnit({ unitId }).go({ pages: "all" });
  const missing = missingYearsInRow(type.yearsInRow, held, year);
  if (missing.length)
    throw conflict(
      "proposal.missing_history",
      missing.map((m) => `${m.awardTypeId} is missing in ${m.years.join(", ")}`).join("; "),
      missing.map((m) => ({
        path: "awardTypeId",
        message: "proposal.missing_history",
        limit: type.yearsInRow.find((c) => c.awardTypeId === m.awardTypeId)?.years ?? m.years.length,
      })),
    );
}
