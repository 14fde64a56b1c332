import type { Directory } from "@thidua/core/account";
import { describe, expect, it } from "vitest";
import { directoryOnFirstUse, functionOnFirstUse } from "./on-first-use.ts";

/** A directory that records the calls it receives. */
const recording = (calls: string[]): Directory => ({
  kind: "cognito",
  find: async (email) => {
    calls.push(`find ${email}`);
    return undefined;
  },
  reserve: async (user) => {
    calls.push(`reserve ${user.email}`);
    return { userId: "u1" };
  },
  release: async (key) => void calls.push(`release ${key.userId}`),
  invite: async (email) => {
    calls.push(`invite ${email}`);
    return {};
  },
  update: async (user) => void calls.push(`update ${user.userId} ${user.role}`),
  setEnabled: async (key, enabled) => void calls.push(`setEnabled ${key.userId} ${enabled}`),
});

describe("clients loaded on first use", () => {
  it("loads the directory once, on the first call, and hands every call to it", async () => {
    const calls: string[] = [];
    let loads = 0;
    const directory = directoryOnFirstUse("cognito", async () => {
      loads += 1;
      return recording(calls);
    });
    expect(directory.kind).toBe("cognito");
    expect(loads).toBe(0);
    const key = { email: "a@b.vn", userId: "u1" };
    await Promise.all([directory.find("a@b.vn"), directory.invite("a@b.vn")]);
    expect(await directory.reserve({ email: "a@b.vn", name: "A", role: "board", tenantId: "t" })).toEqual({
      userId: "u1",
    });
    await directory.update({ ...key, name: "A", role: "council", tenantId: "t" });
    await directory.setEnabled(key, false);
    await directory.release(key);
    expect(loads).toBe(1);
    expect(calls).toEqual([
      "find a@b.vn",
      "invite a@b.vn",
      "reserve a@b.vn",
      "update u1 council",
      "setEnabled u1 false",
      "release u1",
    ]);
  });

  it("tries a failed load again on the next call", async () => {
    let loads = 0;
    const render = functionOnFirstUse<{ kind: string }, { size: number }>(async () => {
      loads += 1;
      if (loads === 1) throw new Error("module not loaded");
      return async () => ({ size: 42 });
    });
    const job = { kind: "minutes" };
    await expect(render(job)).rejects.toThrow("module not loaded");
    expect(await render(job)).toEqual({ size: 42 });
    expect(await render(job)).toEqual({ size: 42 });
    expect(loads).toBe(2);
  });
});
