import type { Actor } from "@thidua/core/actor";
import { createBloc, openYear, setMembers } from "@thidua/core/bloc";
import { sampleCriteriaTable, saveCriteria } from "@thidua/core/criteria";
import { createTenant } from "@thidua/core/tenant";
import { createUnit, type Unit, updateUnit } from "@thidua/core/unit";

/*
 * Provinces made through the use cases, as a board would make them: every write is the product's own
 * transaction with its audit record.
 */

export const operator: Actor = { userId: "op-bench", email: "ops@bench.local", name: "Operator", role: "operator" };
export const national: Actor = { userId: "nat-bench", email: "nat@bench.local", name: "National", role: "national" };
export const boardOf = (tenantId: string): Actor => ({
  userId: `board-${tenantId}`,
  email: `bantdkt@${tenantId}.bench`,
  name: `Ban Thi đua ${tenantId}`,
  role: "board",
  tenantId,
});

/** Runs `task` for each item, `concurrency` at a time. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

/** A new province; its board member acts in it. */
export async function createProvince(tenantId: string): Promise<Actor> {
  await createTenant(operator, { tenantId, name: `Tỉnh ${tenantId}` });
  return boardOf(tenantId);
}

export async function addUnits(board: Actor, count: number, concurrency: number, from = 0): Promise<Unit[]> {
  const numbers = Array.from({ length: count }, (_, i) => from + i + 1);
  return inParallel(numbers, concurrency, (n) =>
    createUnit(board, { name: `Sở Ngành số ${n}`, kind: n % 7 === 0 ? "commune" : "state_agency" }),
  );
}

/** `count` more audit records: renames of the units, one unit after another in each lane. */
export async function addAuditRecords(board: Actor, units: Unit[], count: number, concurrency: number) {
  const lanes = units.slice(0, concurrency).map((unit) => ({ unit, todo: 0 }));
  lanes.forEach((lane, i) => {
    lane.todo = Math.floor(count / lanes.length) + (i < count % lanes.length ? 1 : 0);
  });
  await Promise.all(
    lanes.map(async (lane) => {
      for (let i = 0; i < lane.todo; i++)
        lane.unit = await updateUnit(board, lane.unit.unitId, {
          shortName: `Tên ngắn ${i}`,
          version: lane.unit.version,
        });
    }),
  );
}

/** Two blocs, one with a criteria table and its 2025 launched with every unit a member. */
export async function addBlocs(board: Actor, units: Unit[]) {
  const bloc = await createBloc(board, { name: "Khối các sở, ban, ngành", kind: "bloc" });
  await createBloc(board, { name: "Cụm các huyện", kind: "cluster" });
  await saveCriteria(board, bloc.blocId, { table: sampleCriteriaTable, baseVersion: 0 });
  await setMembers(board, bloc.blocId, 2025, { unitIds: units.slice(0, 30).map((u) => u.unitId), version: 0 });
  await openYear(board, bloc.blocId, 2025, { theme: "Đoàn kết, đổi mới, phát triển", version: 1 });
  return bloc;
}
