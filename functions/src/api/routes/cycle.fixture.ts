import type { CriteriaTable } from "@thidua/core/criteria";
import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { expect } from "vitest";

/** Bloc-years carried through their phases, for the cycle's and the scores' route tests. */
export const app = await testApp();
export const as = callerOf(app);

/** A small table: two criteria (the first asks for evidence), a bonus and a penalty. */
export const smallTable: CriteriaTable = {
  groups: [
    {
      id: "1",
      title: "Thực hiện nhiệm vụ chuyên môn",
      items: [
        { id: "1.1", title: "Hoàn thành chỉ tiêu được giao", maxPoints: 60, evidenceRequired: true },
        { id: "1.2", title: "Cải cách hành chính", maxPoints: 40, evidenceRequired: false },
      ],
    },
  ],
  bonus: [{ id: "b1", title: "Sáng kiến được công nhận", maxPoints: 5 }],
  penalties: [{ id: "p1", title: "Chậm nộp báo cáo", maxPoints: 10 }],
};

/** A province with a bloc of three units, the first leading 2025, the year launched by its leader. */
export async function launchedYear() {
  const t = await freshTenant();
  const units: string[] = [];
  for (const name of ["Văn phòng Tỉnh ủy", "Ban Tuyên giáo", "Báo Ninh Thuận"])
    units.push((await as(t.board, "/api/units", "POST", { name, kind: "party_agency" })).body.unitId);
  const [leader, second, third] = units as [string, string, string];
  const { body: bloc } = await as(t.board, "/api/blocs", "POST", { name: "Khối các cơ quan Đảng", kind: "bloc" });
  await as(t.board, `/api/blocs/${bloc.blocId}/criteria`, "PUT", { table: smallTable, baseVersion: 0 });
  const path = `/api/blocs/${bloc.blocId}/years/2025`;
  await as(t.board, `${path}/members`, "PUT", { unitIds: units, version: 0 });
  await as(t.board, `${path}/seats`, "PUT", { leaderUnitId: leader, deputyUnitIds: [second], version: 1 });
  const officer = (unitId: string) => t.actor("unit", unitId);
  const launched = await as(officer(leader), `${path}/open`, "POST", {
    theme: "Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
    launchNote: "Các đơn vị đăng ký trước 15/3.",
    version: 2,
  });
  expect(launched.status).toBe(200);
  return { ...t, units, leader, second, third, bloc, path, officer, member: (u: string) => `${path}/units/${u}` };
}

export type Year = Awaited<ReturnType<typeof launchedYear>>;
export const versionOf = async (y: Year) => (await as(y.board, `${y.path}/cycle`)).body.year.version as number;
export const move = async (y: Year, actor: Year["board"], to: string, reason?: string) =>
  as(actor, `${y.path}/cycle/phase`, "POST", { to, version: await versionOf(y), ...(reason ? { reason } : {}) });

/** Every member registers and signs, and the leader moves the year on. */
export async function pastRegistration(y: Year) {
  for (const u of y.units) {
    expect((await as(y.officer(u), `${y.member(u)}/registration`, "PUT", regBody(0))).status).toBe(200);
    expect((await as(y.officer(u), `${y.member(u)}/covenant`, "POST", { version: 1 })).status).toBe(200);
  }
  expect((await move(y, y.officer(y.leader), "in_progress")).status).toBe(200);
}
export const regBody = (version: number) => ({
  targets: ["Hoàn thành 100% nhiệm vụ được giao", "Không có cán bộ vi phạm kỷ luật"],
  aims: ["excellent-collective"],
  version,
});

/** A year carried to scoring: registered, signed, reported, summary published. */
export async function scoringYear() {
  const y = await launchedYear();
  await pastRegistration(y);
  expect((await move(y, y.officer(y.leader), "mid_year_review")).status).toBe(200);
  for (const u of y.units)
    expect(
      (await as(y.officer(u), `${y.member(u)}/report`, "PUT", { items: ["Kết quả 6 tháng"], version: 2 })).status,
    ).toBe(200);
  await as(y.officer(y.leader), `${y.path}/cycle/summary`, "PUT", {
    text: "Sơ kết 6 tháng",
    publish: true,
    version: await versionOf(y),
  });
  expect((await move(y, y.officer(y.leader), "scoring")).status).toBe(200);
  return y;
}

/** A sheet that can be submitted: every criterion, evidence for 1.1, a bonus with its reason. */
export const fullSheet = (version: number) => ({
  lines: {
    "1.1": { points: 55, note: "Hoàn thành 95% chỉ tiêu", links: [{ url: "https://example.org/bao-cao.pdf" }] },
    "1.2": { points: 38.5, note: "" },
    b1: { points: 2, note: "Sáng kiến cấp tỉnh" },
  },
  version,
});

/** A member's part as the board reads it. */
export const partOf = async (y: Year, u: string) =>
  (await as(y.board, `${y.path}/cycle`)).body.participations.find((p: { unitId: string }) => p.unitId === u);

/** Every member scores and submits; the year moves to verification. */
export async function verificationYear() {
  const y = await scoringYear();
  for (const u of y.units) {
    expect((await as(y.officer(u), `${y.member(u)}/scores`, "PUT", fullSheet(3))).status).toBe(200);
    expect((await as(y.officer(u), `${y.member(u)}/scores/submit`, "POST", { version: 4 })).status).toBe(200);
  }
  expect((await move(y, y.officer(y.leader), "verification")).status).toBe(200);
  return y;
}

/** Every sheet verified as scored and locked (a cross-scorer for the leader's own); the year ranked. */
export async function rankedYear() {
  const y = await verificationYear();
  await as(y.officer(y.leader), `${y.member(y.leader)}/scorer`, "PUT", { scorerUnitId: y.third, version: 5 });
  for (const u of y.units) {
    const by = u === y.leader ? y.officer(y.third) : y.officer(y.leader);
    const { version } = await partOf(y, u);
    await as(by, `${y.member(u)}/scores/accept-remaining`, "POST", { version });
    expect((await as(by, `${y.member(u)}/scores/lock`, "POST", { version: version + 1 })).status).toBe(200);
  }
  expect((await move(y, y.officer(y.leader), "ranked")).status).toBe(200);
  return y;
}
