import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { createBloc } from "../bloc/index.ts";
import { createTenant } from "../tenant/index.ts";
import { createUnit } from "../unit/index.ts";
import { itemRead, readTogether } from "./read.ts";
import { provinceScope } from "./scope.ts";

const operator: Actor = { userId: "op", email: "op@tw.vn", name: "Quản trị", role: "operator" };

async function freshBoard(): Promise<Actor> {
  const tenantId = `read-${randomUUID().slice(0, 8)}`;
  await createTenant(operator, { tenantId, name: `Tỉnh ${tenantId}` });
  return { userId: "b1", email: "b@t.vn", name: "Cán bộ Ban", role: "board", tenantId };
}

/** Counts the BatchGetItem requests made through the client ElectroDB keeps for the scope's entities. */
function countBatches(entity: object) {
  const wrapper = (entity as { client: { batchGet: (...args: unknown[]) => unknown } }).client;
  const original = wrapper.batchGet;
  const counted = { requests: 0, restore: () => Object.assign(wrapper, { batchGet: original }) };
  wrapper.batchGet = (...args: unknown[]) => {
    counted.requests++;
    return original.apply(wrapper, args);
  };
  return counted;
}

describe("reading items of several entities together", () => {
  it("answers each in its entity's shape and in the order asked, a missing one as undefined", async () => {
    const board = await freshBoard();
    const bloc = await createBloc(board, { name: "Khối các cơ quan Đảng", kind: "bloc" });
    const unit = await createUnit(board, { name: "Báo An Giang", kind: "party_agency" });
    const { db } = provinceScope(board, ["board"]);
    const batches = countBatches(db.bloc);
    const [year, foundUnit, foundBloc, again] = await readTogether([
      itemRead(db.blocYear, { blocId: bloc.blocId, year: 2025 }),
      itemRead(db.unit, { unitId: unit.unitId }),
      itemRead(db.bloc, { blocId: bloc.blocId }),
      // The same key twice (DynamoDB refuses a batch that repeats one): sent once, answered twice.
      itemRead(db.unit, { unitId: unit.unitId }),
    ] as const);
    batches.restore();
    expect(batches.requests).toBe(1);
    expect(again).toEqual(foundUnit);
    expect(year).toBeUndefined();
    expect(foundUnit).toMatchObject({ unitId: unit.unitId, name: "Báo An Giang", version: 1 });
    expect(foundBloc).toMatchObject({ blocId: bloc.blocId, name: "Khối các cơ quan Đảng", version: 1 });
    expect(await readTogether([])).toEqual([]);
  });

  it("reads more than DynamoDB's 100 keys a request, in as many requests, still in the order asked", async () => {
    const board = await freshBoard();
    const units = await Promise.all(
      Array.from({ length: 60 }, (_, i) => createUnit(board, { name: `Đơn vị số ${i + 1}`, kind: "other" })),
    );
    const { db } = provinceScope(board, ["board"]);
    const batches = countBatches(db.unit);
    const found = await readTogether(
      units.flatMap((unit) => [itemRead(db.unit, { unitId: unit.unitId }), itemRead(db.bloc, { blocId: unit.unitId })]),
    );
    batches.restore();
    expect(batches.requests).toBe(2);
    expect(found).toHaveLength(120);
    expect(found.filter((_, i) => i % 2 === 0).map((u) => (u as { name: string }).name)).toEqual(
      units.map((u) => u.name),
    );
    expect(found.filter((_, i) => i % 2 === 1)).toEqual(Array(60).fill(undefined));
  });

  it("reads only the scope's own province: the same ids in another province are not found", async () => {
    const [a, b] = await Promise.all([freshBoard(), freshBoard()]);
    const bloc = await createBloc(a, { name: "Khối Mặt trận", kind: "bloc" });
    const { db } = provinceScope(b, ["board"]);
    expect(await readTogether([itemRead(db.bloc, { blocId: bloc.blocId })] as const)).toEqual([undefined]);
  });
});
