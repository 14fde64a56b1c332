import { PROVINCIAL_FLAG } from "../award/award.rules.ts";
import type { ProvinceScope } from "../db/scope.ts";
import { addTo, type Change, checkItem } from "../db/write.ts";
import { conflict } from "../error.ts";
import { governmentFlagCap } from "../quota/quota.rules.ts";
import { effectiveRules } from "../rules/index.ts";

export interface SlotKey {
  blocId: string;
  year: number;
  awardTypeId: string;
}

/** The province-wide cap a proposal of the government flag meets: a share of the provincial flags held. */
export interface ProvinceCap {
  /** Provincial flags held in the province that year, as read. */
  provincialFlags: number;
  /** The most government flags that allows. */
  max: number;
}

const overQuota = (limit: number) => () =>
  conflict("proposal.over_quota", `The bloc's quota of this award is ${limit}`, [
    { path: "awardTypeId", message: "proposal.over_quota", limit },
  ]);

const overCap = (max: number) => () =>
  conflict("proposal.over_province_cap", `The province may propose at most ${max} government flags this year`, [
    { path: "awardTypeId", message: "proposal.over_province_cap", limit: max },
  ]);

/**
 * A slot taken by a proposal: one of the bloc-year's quota of the award (only while it has room), and one
 * of the province's count of that award. With a cap (the government flag's) the province's count stays
 * within it, and the provincial flags it was computed from must not have dropped meanwhile (both under
 * conditions, so simultaneous proposals across blocs never pass it).
 */
export function slotTaken(key: SlotKey, limit: number, cap?: ProvinceCap): Change[] {
  const province = { year: key.year, awardTypeId: key.awardTypeId };
  return [
    addTo(
      "quotaUse",
      key,
      { used: 1 },
      // A counter not made yet is 0; a quota of 0 leaves no room at all.
      (attr, op) => (limit > 0 ? `${op.notExists(attr.used)} OR ${op.lt(attr.used, limit)}` : op.lt(attr.used, 0)),
      overQuota(limit),
    ),
    ...(cap
      ? [
          addTo(
            "provinceUse",
            province,
            { used: 1 },
            (attr, op) =>
              cap.max > 0 ? `${op.notExists(attr.used)} OR ${op.lt(attr.used, cap.max)}` : op.lt(attr.used, 0),
            overCap(cap.max),
          ),
          checkItem(
            "provinceUse",
            { year: key.year, awardTypeId: PROVINCIAL_FLAG },
            (attr, op) => op.gte(attr.used, cap.provincialFlags),
            overCap(cap.max),
          ),
        ]
      : [addTo("provinceUse", province, { used: 1 }, undefined, overQuota(limit))]),
  ];
}

/** The slot a withdrawn or rejected proposal held, freed in the bloc's quota and the province's count. */
export const slotFreed = (key: SlotKey): Change[] => [
  addTo("quotaUse", key, { used: -1 }, (attr, op) => op.gt(attr.used, 0), overQuota(0)),
  addTo(
    "provinceUse",
    { year: key.year, awardTypeId: key.awardTypeId },
    { used: -1 },
    (attr, op) => op.gt(attr.used, 0),
    overQuota(0),
  ),
];

/**
 * The province-wide room for one more government flag: the provincial flags its blocs hold that year and
 * the cap they allow (a share of them, rounded down, under the province's rules as the quotas' check
 * reads them). The transaction checks both, after the prerequisites, whose failure says more.
 */
export async function governmentFlagRoom(scope: ProvinceScope, year: number): Promise<ProvinceCap> {
  const [{ data }, rules] = await Promise.all([
    scope.db.provinceUse.get({ year, awardTypeId: PROVINCIAL_FLAG }).go(),
    effectiveRules(scope),
  ]);
  const provincialFlags = data?.used ?? 0;
  return { provincialFlags, max: governmentFlagCap(rules.caps.governmentFlagShareOfProvincialFlags, provincialFlags) };
}
