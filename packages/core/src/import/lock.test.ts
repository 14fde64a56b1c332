import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { provinceScope } from "../db/scope.ts";
import { createTenant } from "../tenant/index.ts";
import { createJob } from "./job.ts";
import { releaseImportLock } from "./lock.ts";

const operator: Actor = { userId: "op", email: "op@tw.vn", name: "Quản trị", role: "operator" };

async function freshScope() {
  const tenantId = `lock-${randomUUID().slice(0, 8)}`;
  await createTenant(operator, { tenantId, name: `Tỉnh ${tenantId}` });
  return provinceScope({ userId: "b", email: "b@t.vn", name: "Ban", role: "board", tenantId }, ["board"]);
}

const start = (scope: Awaited<ReturnType<typeof freshScope>>, at = new Date()) =>
  createJob(scope, randomUUID(), 2025, 1, [], at);

describe("the province's import lock", () => {
  it("lets one import job be created at a time, whoever asks, and the next once it is given back", async () => {
    const scope = await freshScope();
    const first = await start(scope);
    const racing = await Promise.allSettled([start(scope), start(scope), start(scope)]);
    expect(racing.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "created"))).toEqual([
      "import.busy",
      "import.busy",
      "import.busy",
    ]);
    await releaseImportLock(scope, first.importId);
    await expect(start(scope)).resolves.toMatchObject({ year: 2025 });
  });

  it("passes to a new import once the lock of a dead process has expired", async () => {
    const scope = await freshScope();
    const now = Date.now();
    await start(scope, new Date(now - 11 * 60_000)); // taken eleven minutes ago, never given back
    await expect(start(scope, new Date(now))).resolves.toMatchObject({ year: 2025 });
  });

  it("gives back only its own lock", async () => {
    const scope = await freshScope();
    await start(scope);
    await releaseImportLock(scope, "someone-else");
    await expect(start(scope)).rejects.toMatchObject({ code: "import.busy" });
  });
});
