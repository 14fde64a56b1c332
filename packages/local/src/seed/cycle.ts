import type { Actor } from "@thidua/core/actor";
import { getCriteria } from "@thidua/core/criteria";
import {
  fileReport,
  getCycle,
  type MoveTarget,
  movePhase,
  register,
  saveSummary,
  signCovenant,
} from "@thidua/core/cycle";
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
  for (const unitId of unitIds) {
    await register(board, blocId, year, unitId, { targets, aims: ["excellent-collective"], version: 0 });
    await signCovenant(board, blocId, year, unitId, { version: 1 });
  }
}

/** Reports, the leader's published summary, and the year at scoring. */
async function reviewMidYear(board: Actor, blocId: string, year: number, unitIds: readonly string[]) {
  await moveTo(board, blocId, year, "in_progress");
  await moveTo(board, blocId, year, "mid_year_review");
  for (const unitId of unitIds)
    await fileReport(board, blocId, year, unitId, {
      items: [
        "Hoàn thành đúng tiến độ các nhiệm vụ 6 tháng đầu năm",
        "Triển khai các phong trào thi đua theo kế hoạch",
      ],
      version: 2,
    });
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
 * A past year carried to the end: units scored in the order given (the first highest), verified as
 * scored, locked, ranked and closed.
 */
export async function seedClosedYear(board: Actor, blocId: string, year: number, ranked: readonly string[]) {
  await registerAll(board, blocId, year, ranked);
  await reviewMidYear(board, blocId, year, ranked);
  for (const [i, unitId] of ranked.entries()) await scoreAndSubmit(board, blocId, year, unitId, 1 + 1.5 * i);
  await moveTo(board, blocId, year, "verification");
  for (const unitId of ranked) {
    await acceptRemaining(board, blocId, year, unitId, { version: 5 });
    await lockSheet(board, blocId, year, unitId, { version: 6 });
  }
  await moveTo(board, blocId, year, "ranked");
  await moveTo(board, blocId, year, "closed");
}

/**
 * The current year under way: at scoring, with the second half of the members' sheets submitted (the first
 * half, where the demo's unit accounts are, still to score); `early` stops at registration, half signed.
 */
export async function seedCurrentYear(
  board: Actor,
  blocId: string,
  year: number,
  members: readonly string[],
  early: boolean,
) {
  const half = Math.ceil(members.length / 2);
  if (early) {
    for (const unitId of members.slice(half)) {
      await register(board, blocId, year, unitId, { targets, aims: [], version: 0 });
      await signCovenant(board, blocId, year, unitId, { version: 1 });
    }
    return;
  }
  await registerAll(board, blocId, year, members);
  await reviewMidYear(board, blocId, year, members);
  for (const [i, unitId] of members.slice(half).entries()) await scoreAndSubmit(board, blocId, year, unitId, i);
}
