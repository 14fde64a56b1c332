import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { conflict } from "../error.ts";
import { createTenant } from "../tenant/index.ts";
import { createUnit } from "../unit/index.ts";
import { type ProvinceScope, provinceScope } from "./scope.ts";
import { commit, createItem, createWithReadableId, putVersioned } from "./write.ts";

const operator: Actor = { userId: "op", email: "op@tw.vn", name: "Quản trị", role: "operator" };

async function freshScope(): Promise<ProvinceScope> {
  const tenantId = `write-${randomUUID().slice(0, 8)}`;
  await createTenant(operator, { tenantId, name: `Tỉnh ${tenantId}` });
  return provinceScope({ userId: "b1", email: "b@t.vn", name: "Cán bộ Ban", role: "board", tenantId }, ["board"]);
}

const auditOf = async ({ db }: ProvinceScope, entityId: string) =>
  (await db.audit.query.byEntity({ entity: "unit", entityId }).go()).data;

describe("the write path", () => {
  it("answers the named error of the change whose condition failed, and writes nothing of the others", async () => {
    const scope = await freshScope();
    const unit = await createUnit(scope.actor, { name: "Sở Tư pháp", kind: "state_agency" });
    const renamed = { ...unit, name: "Sở Tư pháp tỉnh", version: 2 };
    const taken = () => conflict("bloc.unit_in_other_bloc", "Taken");
    // The unit is a member of another bloc that year already.
    await commit(scope, [
      createItem("membership", { year: 2025, unitId: unit.unitId, blocId: "khoi-a" }, { conflict: taken }),
    ]);

    const attempt = commit(scope, [
      putVersioned("unit", renamed, 1, {
        conflict: () => conflict("unit.stale"),
        audit: { action: "update", entity: "unit", entityId: unit.unitId, before: unit, after: renamed },
      }),
      createItem("membership", { year: 2025, unitId: unit.unitId, blocId: "khoi-b" }, { conflict: taken }),
    ]);

    await expect(attempt).rejects.toMatchObject({ code: "bloc.unit_in_other_bloc" });
    expect((await scope.db.unit.get({ unitId: unit.unitId }).go()).data).toMatchObject({
      name: "Sở Tư pháp",
      version: 1,
    });
    expect(await auditOf(scope, unit.unitId)).toHaveLength(1); // the creation's, nothing of the failed update
  });

  it("writes each change's audit record with it, naming the actor", async () => {
    const scope = await freshScope();
    const unit = await createUnit(scope.actor, { name: "Sở Y tế", kind: "state_agency" });
    const after = { ...unit, kind: "other" as const, version: 2 };
    const at = "2025-03-01T02:00:00.000Z";
    await commit(
      scope,
      [
        putVersioned("unit", after, 1, {
          conflict: () => conflict("unit.stale"),
          audit: { action: "update", entity: "unit", entityId: unit.unitId, before: unit, after },
        }),
      ],
      at,
    );

    const records = await auditOf(scope, unit.unitId);
    expect(records.find((r) => r.action === "update")).toMatchObject({
      at,
      actorId: "b1",
      actorName: "Cán bộ Ban",
      actorRole: "board",
      before: { kind: "state_agency" },
      after: { kind: "other" },
    });
  });

  it("answers request.too_large, not a fault, for an item over DynamoDB's 400 KB", async () => {
    const scope = await freshScope();
    const now = new Date().toISOString();
    const huge = {
      unitId: "to",
      name: "x".repeat(420_000),
      kind: "other" as const,
      discipline: {},
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await expect(
      commit(scope, [createItem("unit", huge, { conflict: () => conflict("unit.id_taken") })]),
    ).rejects.toMatchObject({
      code: "request.too_large",
    });
  });

  it("tries the next readable id while one is taken, skipping those known to be taken", async () => {
    const scope = await freshScope();
    const make = (name: string, isTaken?: (id: string) => boolean) =>
      createWithReadableId(
        scope,
        { name, fallback: "don-vi", taken: () => conflict("unit.id_taken"), isTaken },
        (unitId) => {
          const now = new Date().toISOString();
          const unit = {
            unitId,
            name,
            kind: "other" as const,
            discipline: {},
            createdAt: now,
            updatedAt: now,
            version: 1,
          };
          return { result: unitId, changes: [createItem("unit", unit, { conflict: () => conflict("unit.id_taken") })] };
        },
      );
    expect(await make("Hội Nông dân")).toBe("hoi-nong-dan");
    expect(await make("Hội Nông dân")).toBe("hoi-nong-dan-2");
    expect(await make("Hội Nông dân", (id) => id === "hoi-nong-dan-3")).toBe("hoi-nong-dan-4");
  });
});

describe("the write path, with DynamoDB's transaction conflicts simulated (DynamoDB Local cannot be made to produce one)", () => {
  const cancelled = { canceled: true, data: [{ rejected: true, code: "TransactionConflict" }] };
  const simulated = (outcomes: { canceled: boolean; data: { rejected: boolean; code: string }[] }[]) => {
    let calls = 0;
    const scope = {
      actor: operator,
      service: { transaction: { write: () => ({ go: async () => outcomes[calls++] ?? outcomes.at(-1) }) } },
    } as unknown as ProvinceScope;
    return { scope, calls: () => calls };
  };
  const change = createItem(
    "membership",
    { year: 2025, unitId: "u", blocId: "b" },
    { conflict: () => conflict("bloc.unit_in_other_bloc") },
  );

  it("retries a transaction that met another one in progress", async () => {
    const { scope, calls } = simulated([cancelled, cancelled, { canceled: false, data: [] }]);
    await commit(scope, [change]);
    expect(calls()).toBe(3);
  });

  it("answers transaction.conflict when the other transaction keeps the items", async () => {
    const { scope, calls } = simulated([cancelled]);
    await expect(commit(scope, [change])).rejects.toMatchObject({ code: "transaction.conflict" });
    expect(calls()).toBe(4);
  });
});
