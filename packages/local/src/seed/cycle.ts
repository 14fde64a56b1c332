import type { Actor } from "@thidua/core/actor";
import { castVote, closeBallot, handOver, openBallot, setPresence } from "@thidua/core/ballot";
import { getBlocYear } from "@thidua/core/bloc";
import { getCriteria } from "@thidua/core/criteria";
import {
  fileReport,
  getCycle,
  type MoveTarget,
  movePhase,
  type Phase,
  register,
  saveSummary,
  signCovenant,
} from "@thidua/core/cycle";
import { decide, listBlocProposals, propose } from "@thidua/core/proposal";
import { getQuotas, setQuotas } from "@thidua/core/quota";
import { acceptRemaining, lockSheet, saveScores, submitScores, tableLines } from "@thidua/core/score";

/*
 * The demo's years as units and leaders carry them, through the same use cases: a past year verified,
 * ranked and closed, and the current one under way.
 */

const targets = [
  "Hoàn thành 100% nhiệm vụ chính trị được giao",
  "Chi bộ đạt trong sạch, vững mạnh; không có đảng viên vi phạm kỷ luật",
  "Ứng dụng công nghệ thông tin trong xử lý văn bản, hồ sơ công việc",
];

async function moveTo(board: Actor, blocId: string, year: number, to: MoveTarget) {
  const { year: y } = await getCycle(board, blocId, year);
  await movePhase(board, blocId, year, { to, version: y.version });
}

/** Each member registers and signs; the year moves past registration. */
async function registerAll(board: Actor, blocId: string, year: number, unitIds: readonly string[]) {
  await eachUnit(unitIds, async (unitId) => {
    await register(board, blocId, year, unitId, { targets, aims: ["excellent-collective"], version: 0 });
    await signCovenant(board, blocId, year, unitId, { version: 1 });
  });
}

/** Members' own steps touch only their own items: done side by side. */
const eachUnit = (unitIds: readonly string[], step: (unitId: string, i: number) => Promise<unknown>) =>
  Promise.all(unitIds.map(step));

/** Members file their mid-year reports. */
const fileReports = (board: Actor, blocId: string, year: number, unitIds: readonly string[]) =>
  eachUnit(unitIds, (unitId) =>
    fileReport(board, blocId, year, unitId, {
      items: [
        "Hoàn thành đúng tiến độ các nhiệm vụ 6 tháng đầu năm",
        "Triển khai các phong trào thi đua theo kế hoạch",
      ],
      version: 2,
    }),
  );

/** Reports, the leader's published summary, and the year at scoring. */
async function reviewMidYear(board: Actor, blocId: string, year: number, unitIds: readonly string[]) {
  await moveTo(board, blocId, year, "in_progress");
  await moveTo(board, blocId, year, "mid_year_review");
  await fileReports(board, blocId, year, unitIds);
  const { year: y } = await getCycle(board, blocId, year);
  await saveSummary(board, blocId, year, {
    text: "Sáu tháng đầu năm, các đơn vị trong khối hoàn thành tốt nhiệm vụ được giao và tích cực hưởng ứng các phong trào thi đua.",
    publish: true,
    version: y.version,
  });
  await moveTo(board, blocId, year, "scoring");
}

/** A member's sheet: every criterion at its max less `short` points off the first, evidence as a link. */
async function scoreAndSubmit(board: Actor, blocId: string, year: number, unitId: string, short: number) {
  const { table } = await getCriteria(board, blocId);
  if (!table) throw new Error(`Demo bloc ${blocId} has no criteria table`);
  const criteria = tableLines(table).filter((l) => l.kind === "criterion");
  const lines = Object.fromEntries(
    criteria.map((l, i) => [
      l.id,
      {
        points: i === 0 ? Math.max(0, l.maxPoints - short) : l.maxPoints,
        note: "Theo báo cáo tổng kết năm của đơn vị",
        links: l.evidenceRequired ? [{ url: `https://minhchung.example/${blocId}/${year}/${unitId}/${l.id}` }] : [],
      },
    ]),
  );
  await saveScores(board, blocId, year, unitId, { lines, version: 3 });
  await submitScores(board, blocId, year, unitId, { version: 4 });
}

/**
 * A past year carried to its ranking: units scored in the order given (the first highest), verified as
 * scored and locked.
 */
export async function seedRankedYear(board: Actor, blocId: string, year: number, ranked: readonly string[]) {
  await registerAll(board, blocId, year, ranked);
  await reviewMidYear(board, blocId, year, ranked);
  await eachUnit(ranked, (unitId, i) => scoreAndSubmit(board, blocId, year, unitId, 1 + 1.5 * i));
  await moveTo(board, blocId, year, "verification");
  await eachUnit(ranked, async (unitId) => {
    await acceptRemaining(board, blocId, year, unitId, { version: 5 });
    await lockSheet(board, blocId, year, unitId, { version: 6 });
  });
  await moveTo(board, blocId, year, "ranked");
}

/** How a demo year ended: whom the vote elected next year's leader (and deputy), and the awards the bloc proposed. */
export interface YearEnd {
  leader: string;
  deputy?: string;
  proposals: { awardTypeId: string; unitIds: string[] }[];
}

/**
 * The year-end conference of a ranked year: every member votes the first-ranked the leading unit and
 * elects next year's leader (and deputy); the bloc votes its awards and proposes them within quotas set for
 * them; the outgoing leader hands over; the board closes the year. Next year must have its members.
 */
export async function seedYearEnd(
  board: Actor,
  blocId: string,
  year: number,
  members: readonly string[],
  end: YearEnd,
) {
  const { year: y } = await getCycle(board, blocId, year);
  const member = (unitId: string): Actor => ({ ...board, userId: `seed-${unitId}`, role: "unit", unitId });
  // Every member votes for `choices`; an award's ballot elects as many as it proposes.
  const elect = async (
    kind: "leading_unit" | "leader" | "deputy" | "award",
    candidates: string[],
    choices: string[],
    awardTypeId?: string,
  ) => {
    const ballot = await openBallot(board, blocId, year, {
      kind,
      candidates,
      seats: choices.length,
      ...(awardTypeId ? { awardTypeId } : {}),
    });
    await eachUnit(members, (unitId) => castVote(member(unitId), blocId, year, ballot.ballotId, { unitId, choices }));
    await setPresence(board, blocId, year, ballot.ballotId, { present: [...members], version: 1 });
    await closeBallot(board, blocId, year, ballot.ballotId, { version: 2 });
    return ballot.ballotId;
  };
  const [first = ""] = members;
  await elect("leading_unit", [...members], [first]);
  await elect(
    "leader",
    members.filter((u) => u !== y.leaderUnitId),
    [end.leader],
  );
  if (end.deputy)
    await elect(
      "deputy",
      members.filter((u) => u !== end.leader),
      [end.deputy],
    );
  const quotas = await getQuotas(board, blocId, year);
  await setQuotas(board, blocId, year, {
    items: end.proposals.map((p) => ({ awardTypeId: p.awardTypeId, mode: "count", value: p.unitIds.length })),
    version: quotas.version,
  });
  // Each award is voted on, and proposed with the vote it follows.
  for (const { awardTypeId, unitIds } of end.proposals) {
    const ballotId = await elect("award", [...unitIds], [...unitIds], awardTypeId);
    for (const unitId of unitIds)
      await propose(board, blocId, year, { unitId, awardTypeId, ballotId, note: "Hoàn thành xuất sắc nhiệm vụ năm" });
  }
  const next = await getBlocYear(board, blocId, year + 1);
  await handOver(board, blocId, year, {
    note: "Bàn giao hồ sơ, sổ sách và cờ trưởng khối",
    nextYearVersion: next.version,
  });
  await closeYear(board, blocId, year);
}

/** The board closes a ranked year. */
export const closeYear = (board: Actor, blocId: string, year: number) => moveTo(board, blocId, year, "closed");

/**
 * The current year under way, up to `phase`: half the members done with that phase's duty (the first
 * half, where the demo's unit accounts are, still to do theirs); at verification every sheet is in; a
 * ranked year is verified and ranked.
 */
export async function seedCurrentYear(
  board: Actor,
  blocId: string,
  year: number,
  members: readonly string[],
  phase: Phase,
) {
  const rest = members.slice(Math.ceil(members.length / 2));
  if (phase === "ranked") return seedRankedYear(board, blocId, year, members);
  if (phase === "registration") {
    await eachUnit(rest, async (unitId) => {
      await register(board, blocId, year, unitId, { targets, aims: [], version: 0 });
      await signCovenant(board, blocId, year, unitId, { version: 1 });
    });
    return;
  }
  await registerAll(board, blocId, year, members);
  if (phase === "in_progress") return moveTo(board, blocId, year, "in_progress");
  if (phase === "mid_year_review") {
    await moveTo(board, blocId, year, "in_progress");
    await moveTo(board, blocId, year, "mid_year_review");
    return fileReports(board, blocId, year, rest);
  }
  await reviewMidYear(board, blocId, year, members);
  if (phase === "scoring") return eachUnit(rest, (unitId, i) => scoreAndSubmit(board, blocId, year, unitId, i));
  await eachUnit(members, (unitId, i) => scoreAndSubmit(board, blocId, year, unitId, i));
  await moveTo(board, blocId, year, "verification");
}

/** The board approves the pending proposals of a bloc's year (all, or those of `awardTypeIds`), in one decision. */
export async function approveAll(board: Actor, blocId: string, year: number, awardTypeIds?: readonly string[]) {
  const proposals = await listBlocProposals(board, blocId, year);
  for (const { awardTypeId, unitId, version } of proposals.filter((p) => awardTypeIds?.includes(p.awardTypeId) ?? true))
    await decide(
      board,
      { year, blocId, awardTypeId, unitId },
      {
        outcome: "approve",
        decisionNumber: `${12 + (year % 100)}/QĐ-UBND`,
        decisionDate: `${year + 1}-01-20`,
        signer: "Chủ tịch Ủy ban nhân dân",
        version,
      },
    );
}
