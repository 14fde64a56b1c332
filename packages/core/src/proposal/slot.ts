import { addTo, type Change } from "../db/write.ts";
import { conflict } from "../error.ts";

/** A slot of the quota taken (+1) or freed (−1); taking one only while the quota has room. */
export const slot = (blocId: string, year: number, awardTypeId: string, delta: 1 | -1, limit: number): Change =>
  addTo(
    "quotaUse",
    { blocId, year, awardTypeId },
    { used: delta },
    (attr, op) => (delta > 0 ? `${op.notExists(attr.used)} OR ${op.lt(attr.used, limit)}` : op.gt(attr.used, 0)),
    () =>
      conflict("proposal.over_quota", `The bloc's quota of this award is ${limit}`, [
        { path: "awardTypeId", message: "proposal.over_quota", limit },
      ]),
  );
