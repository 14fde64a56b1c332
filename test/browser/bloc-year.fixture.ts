import { inviteAccount, noteSignIn } from "@thidua/core/account";
import type { Actor } from "@thidua/core/actor";
import { createBloc, getBlocYear, openYear, setMembers, setSeats } from "@thidua/core/bloc";
import type { CriteriaTable } from "@thidua/core/criteria";
import { saveCriteria } from "@thidua/core/criteria";
import { usePasswordLink } from "@thidua/core/identity";
import { createUnit } from "@thidua/core/unit";
import { seedRankedYear } from "@thidua/local/seed/cycle";
import { linkToken, testDirectory } from "@thidua/test/support";

/** A small table: two criteria (the first asks for evidence), a bonus item and a penalty item. */
const table: CriteriaTable = {
  groups: [
    {
      id: "1",
      title: "Thực hiện nhiệm vụ chuyên môn",
      items: [
        {
          id: "1.1",
          title: "Hoàn thành các chỉ tiêu được giao",
          maxPoints: 60,
          evidenceRequired: true,
          guidance: "Căn cứ báo cáo tổng kết năm; tối đa 60 điểm.",
        },
        { id: "1.2", title: "Cải cách hành chính", maxPoints: 40, evidenceRequired: false },
      ],
    },
  ],
  bonus: [{ id: "b1", title: "Sáng kiến được công nhận", maxPoints: 5 }],
  penalties: [{ id: "p1", title: "Chậm nộp báo cáo", maxPoints: 10 }],
};

export const PASSWORD = "thidua-nam-2026";

/**
 * A bloc of three new units of the demo province, the first leading this year, not launched yet, and an
 * officer account for each unit: what the board has set up when a year begins.
 */
const board: Actor = { userId: "seed", email: "seed@thidua.local", name: "Ban", role: "board", tenantId: "an-giang" };

export async function blocOfThree(year: number) {
  const names = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"] as const;
  const units: string[] = [];
  for (const name of names) units.push((await createUnit(board, { name, kind: "state_agency" })).unitId);
  const bloc = await createBloc(board, { name: "Khối các sở, ngành nội chính", kind: "bloc" });
  await saveCriteria(board, bloc.blocId, { table, baseVersion: 0 });
  const members = await setMembers(board, bloc.blocId, year, { unitIds: units, version: 0 });
  await setSeats(board, bloc.blocId, year, {
    leaderUnitId: units[0] ?? null,
    deputyUnitIds: [],
    version: members.version,
  });
  const directory = testDirectory();
  const emails: string[] = [];
  for (const [i, unitId] of units.entries()) {
    const email = `canbo${i + 1}.noichinh@an-giang.gov.vn`;
    const { invitation } = await inviteAccount(
      board,
      { email, name: `Cán bộ ${names[i]}`, role: "unit", unitId },
      directory,
    );
    await noteSignIn(await usePasswordLink({ token: linkToken(invitation.link), password: PASSWORD }, "invitation"));
    emails.push(email);
  }
  return { blocId: bloc.blocId, blocName: bloc.name, names, emails, unitIds: units };
}

/**
 * The same bloc with its year launched and carried to its ranking (scored, verified and locked, the
 * units ranked in their order): where the year-end conference begins.
 */
export async function rankedBlocOfThree(year: number) {
  const bloc = await blocOfThree(year);
  const planned = await getBlocYear(board, bloc.blocId, year);
  await openYear(board, bloc.blocId, year, { theme: "Đoàn kết - Kỷ cương - Hiệu quả", version: planned.version });
  await seedRankedYear(board, bloc.blocId, year, bloc.unitIds);
  return bloc;
}
