import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../actor.ts";
import { platformEntities } from "../db/platform.ts";
import { AppError } from "../error.ts";
import { assertTenantOpen, createTenant, TENANT_STATUS_SECONDS, updateTenant } from "./index.ts";

const operator: Actor = { userId: "op", email: "op@tw.vn", name: "Quản trị", role: "operator" };

async function freshTenant() {
  const tenantId = `st-${randomUUID().slice(0, 8)}`;
  await createTenant(operator, { tenantId, name: `Tỉnh ${tenantId}` });
  const board: Actor = { userId: `b-${tenantId}`, email: "b@t.vn", name: "Ban TĐKT", role: "board", tenantId };
  return { tenantId, board };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "open",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

afterEach(() => {
  vi.useRealTimers();
});

describe("a province's status on every request", () => {
  it("stops the province at once in the process that suspends it", async () => {
    const { tenantId, board } = await freshTenant();
    expect(await codeOf(assertTenantOpen(board))).toBe("open");
    await updateTenant(operator, tenantId, { status: "suspended", version: 1 });
    expect(await codeOf(assertTenantOpen(board))).toBe("tenant.suspended");
  });

  it(`stops it in another process within ${TENANT_STATUS_SECONDS} seconds, reading it once meanwhile`, async () => {
    const { tenantId, board } = await freshTenant();
    expect(await codeOf(assertTenantOpen(board))).toBe("open");
    // Suspended by another process: this one's read still holds for a while.
    await platformEntities().tenant.patch({ tenantId }).set({ status: "suspended" }).go();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (TENANT_STATUS_SECONDS - 1) * 1000);
    expect(await codeOf(assertTenantOpen(board))).toBe("open");
    vi.setSystemTime(Date.now() + 2000);
    expect(await codeOf(assertTenantOpen(board))).toBe("tenant.suspended");
  });
});
