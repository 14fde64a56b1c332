import type { Actor } from "@thidua/core/actor";
import { createBloc, openYear, setMembers, setSeats } from "@thidua/core/bloc";
import { sampleCriteriaTable, saveCriteria } from "@thidua/core/criteria";
import { createUnit } from "@thidua/core/unit";
import { approveAll, closeYear, seedCurrentYear, seedRankedYear, seedYearEnd } from "./cycle.ts";
import type { DemoBloc } from "./demo-blocs.ts";

/** The seed writes through the same use cases as the board, so every item is audited like a real change. */
export const boardOf = (tenantId: string): Actor => ({
  userId: "seed",
  email: "seed@thidua.local",
  name: "Dữ liệu mẫu",
  role: "board",
  tenantId,
});

async function seedBloc(demo: DemoBloc, first: boolean) {
  const board = boardOf(demo.tenantId);
  const ids = new Map<string, string>();
  for (const unit of demo.units) ids.set(unit.name, (await createUnit(board, unit)).unitId);
  const idOf = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`Demo bloc ${demo.name}: unknown unit ${name}`);
    return id;
  };
  const bloc = await createBloc(board, { name: demo.name, kind: demo.kind });
  await saveCriteria(board, bloc.blocId, { table: sampleCriteriaTable, baseVersion: 0 });
  for (const [year, seats] of Object.entries(withCurrentYear(demo))) {
    const y = Number(year);
    const members = await setMembers(board, bloc.blocId, y, { unitIds: [...ids.values()], version: 0 });
    const seated = await setSeats(board, bloc.blocId, y, {
      leaderUnitId: seats.leader ? idOf(seats.leader) : null,
      deputyUnitIds: (seats.deputies ?? []).map(idOf),
      version: members.version,
    });
    if (seats.theme) await openYear(board, bloc.blocId, y, { theme: seats.theme, version: seated.version });
    if (seats.ranked) await seedRankedYear(board, bloc.blocId, y, seats.ranked.map(idOf));
  }
  // Past years end once the next one exists: a conference where the year says how, else closed as ranked.
  for (const [year, { ranked, end }] of Object.entries(demo.years)) {
    if (!ranked) continue;
    if (!end) {
      await closeYear(board, bloc.blocId, Number(year));
      continue;
    }
    await seedYearEnd(board, bloc.blocId, Number(year), ranked.map(idOf), {
      leader: idOf(end.leader),
      ...(end.deputy ? { deputy: idOf(end.deputy) } : {}),
      proposals: end.proposals.map((p) => ({ awardTypeId: p.awardTypeId, unitIds: p.units.map(idOf) })),
    });
    if (end.approved)
      await approveAll(board, bloc.blocId, Number(year), end.approved === true ? undefined : end.approved);
  }
  // The current year under way, as far as the bloc says (by default scoring in a province's first bloc).
  const phase = demo.now ?? (first ? "scoring" : "registration");
  await seedCurrentYear(board, bloc.blocId, currentYear(), [...ids.values()], phase);
  return bloc;
}

const currentYear = () => new Date().getFullYear();

/**
 * The demo's years and the current one, so every demo account has a year under way: led by a unit that has
 * not led yet (rotation), opened with the theme of the last opened year.
 */
export function withCurrentYear(demo: DemoBloc, year = currentYear()): DemoBloc["years"] {
  if (demo.years[year]) return demo.years;
  const past = Object.values(demo.years);
  const leader = demo.units.find((u) => !past.some((y) => y.leader === u.name))?.name;
  const theme = past.findLast((y) => y.theme)?.theme ?? "Đoàn kết - Sáng tạo - Kỷ cương - Hiệu quả";
  return { ...demo.years, [year]: { leader, theme } };
}

/**
 * A province's blocs, members and years, one bloc after the other; answers the blocs its council member
 * follows: its associations bloc where it has one (as in the source reports), else its first.
 */
export async function seedProvinceBlocs(blocs: readonly DemoBloc[]): Promise<string[]> {
  let followed: string[] = [];
  for (const [i, demo] of blocs.entries()) {
    const bloc = await seedBloc(demo, i === 0);
    if (i === 0 || demo.name.includes("Hội")) followed = [bloc.blocId];
  }
  return followed;
}
