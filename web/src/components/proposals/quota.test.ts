import { describe, expect, it } from "vitest";
import { quotaUsage, shownUsage } from "./quota.ts";

const lines = [
  { awardTypeId: "provincial-flag", resulting: 1 },
  { awardTypeId: "certificate-of-merit", resulting: 3 },
  { awardTypeId: "excellent-collective", resulting: 0 },
];

describe("quota usage per award type", () => {
  it("counts the proposals that hold a slot: proposed, returned and approved", () => {
    const usage = quotaUsage(lines, [
      { awardTypeId: "provincial-flag", status: "approved" },
      { awardTypeId: "certificate-of-merit", status: "proposed" },
      { awardTypeId: "certificate-of-merit", status: "returned" },
      { awardTypeId: "certificate-of-merit", status: "withdrawn" },
      { awardTypeId: "certificate-of-merit", status: "rejected" },
    ]);
    expect(usage).toEqual([
      { awardTypeId: "provincial-flag", limit: 1, used: 1, left: 0 },
      { awardTypeId: "certificate-of-merit", limit: 3, used: 2, left: 1 },
      { awardTypeId: "excellent-collective", limit: 0, used: 0, left: 0 },
    ]);
  });

  it("keeps a type no longer listed while proposals hold it, and never counts below zero left", () => {
    const usage = quotaUsage(lines.slice(0, 1), [
      { awardTypeId: "provincial-flag", status: "proposed" },
      { awardTypeId: "provincial-flag", status: "approved" },
      { awardTypeId: "old-award", status: "approved" },
    ]);
    expect(usage).toEqual([
      { awardTypeId: "provincial-flag", limit: 1, used: 2, left: 0 },
      { awardTypeId: "old-award", limit: 0, used: 1, left: 0 },
    ]);
  });

  it("shows the types with a quota or with proposals only", () => {
    const usage = quotaUsage(lines, []);
    expect(shownUsage(usage).map((u) => u.awardTypeId)).toEqual(["provincial-flag", "certificate-of-merit"]);
  });
});
