import { describe, expect, it } from "vitest";
import { failureReasons, runOneByOne } from "./bulk.ts";

const fail = (code: string) => Object.assign(new Error(code), { code });

describe("a bulk run", () => {
  it("runs one item at a time, goes on past failures, and reports progress", async () => {
    let running = 0;
    let most = 0;
    const progress: string[] = [];
    const outcome = await runOneByOne(
      ["a", "b", "c", "d"],
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
        if (item === "b") throw fail("proposal.stale");
        if (item === "d") throw fail("proposal.not_pending");
      },
      (finished, total) => progress.push(`${finished}/${total}`),
    );
    expect(most).toBe(1);
    expect(progress).toEqual(["1/4", "2/4", "3/4", "4/4"]);
    expect(outcome.done).toEqual(["a", "c"]);
    expect(outcome.failed.map((f) => f.item)).toEqual(["b", "d"]);
  });

  it("groups the failures by reason", async () => {
    const outcome = await runOneByOne(["a", "b", "c"], async (item) => {
      throw fail(item === "b" ? "proposal.not_pending" : "proposal.stale");
    });
    const reasons = failureReasons(outcome, (error) => (error as { code: string }).code);
    expect(reasons.map((r) => [r.code, r.items])).toEqual([
      ["proposal.stale", ["a", "c"]],
      ["proposal.not_pending", ["b"]],
    ]);
  });

  it("does nothing with nothing to do", async () => {
    expect(await runOneByOne([], async () => undefined)).toEqual({ done: [], failed: [] });
  });
});
