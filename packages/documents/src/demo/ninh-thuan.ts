import { minutesOf } from "@thidua/core/ballot/minutes";
import { type Ballot, type BallotKind, tally } from "@thidua/core/ballot/rules";
import type { CriteriaTable } from "@thidua/core/criteria/rules";
import { tableLines, totalsOf } from "@thidua/core/score/rules";
import type { CovenantInput } from "../content/covenant.ts";
import type { DecisionInput } from "../content/decision.ts";
import type { MinutesInput } from "../content/minutes.ts";
import type { ProposalMemoInput, ProposedAward } from "../content/proposal.ts";
import type { MidYearReportInput, YearEndReportInput } from "../content/report.ts";
import { Letterhead } from "../letterhead.ts";
import type { RegistrationListInput } from "../xlsx/registration.ts";
import type { ScoreTableInput } from "../xlsx/scores.ts";

/**
 * Demo data for the documents: Ninh Thuận's bloc of Party agencies reviewing 2023 (seed 004: Văn phòng
 * Tỉnh ủy leads, certificates for Báo Ninh Thuận and Ủy ban Kiểm tra, Ban Tuyên giáo leads 2024). Ballots
 * are counted by core's own rule, so the figures are the product's. People's names are made up.
 */

export const letterhead = Letterhead.parse({
  issuer: { parent: "UBND tỉnh Ninh Thuận", body: "Hội đồng Thi đua - Khen thưởng" },
  place: "Ninh Thuận",
  signer: { authority: "TM. Hội đồng", title: "Chủ tịch", name: "Trần Quốc Nam" },
  numbers: { minutes: "{n}/BB-KTĐCQĐ" },
});

export const bloc = "Khối thi đua các cơ quan Đảng tỉnh";
export const year = 2023;

export const units: Record<string, string> = {
  "van-phong-tinh-uy": "Văn phòng Tỉnh ủy",
  "ban-to-chuc": "Ban Tổ chức Tỉnh ủy",
  "ban-tuyen-giao": "Ban Tuyên giáo Tỉnh ủy",
  "ban-dan-van": "Ban Dân vận Tỉnh ủy",
  "uy-ban-kiem-tra": "Ủy ban Kiểm tra Tỉnh ủy",
  "dang-uy-khoi": "Đảng ủy khối Cơ quan - Doanh nghiệp tỉnh",
  "truong-chinh-tri": "Trường Chính trị tỉnh",
  "bao-ninh-thuan": "Báo Ninh Thuận",
};
export const memberIds = Object.keys(units);

export const awardTypes: Record<string, string> = {
  "bang-khen-ubnd": "Bằng khen của Chủ tịch UBND tỉnh",
};

/** A closed ballot with everyone present and voting, counted by core's `tally` (quorum ⅔, more than half). */
function ballot(
  kind: BallotKind,
  round: number,
  votes: Record<string, number>,
  { seats = 1, blank = 0, awardTypeId }: { seats?: number; blank?: number; awardTypeId?: string } = {},
): Ballot {
  const candidates = Object.keys(votes);
  const result = tally({
    members: memberIds.length,
    present: memberIds.length,
    votes,
    candidates,
    seats,
    quorum: 2 / 3,
    threshold: 1 / 2,
  });
  return {
    ballotId: `${kind}-${awardTypeId ?? ""}-${round}`,
    kind,
    ...(awardTypeId ? { awardTypeId } : {}),
    round,
    candidates,
    seats,
    secret: true,
    status: "closed",
    present: memberIds,
    voted: memberIds,
    count: { returned: memberIds.length, blank, votes, result },
    closed: { at: "2023-12-01T03:30:00.000Z", by: "u-vptu", byName: "Nguyễn Thị Hồng" },
    version: 3,
  };
}

/** The conference's ballots: the leading unit, two certificates, the 2024 leader in two rounds, the deputy. */
export const ballots: Ballot[] = [
  ballot("leading_unit", 1, { "van-phong-tinh-uy": 6, "ban-tuyen-giao": 2, "bao-ninh-thuan": 0 }),
  ballot(
    "award",
    1,
    { "bao-ninh-thuan": 7, "uy-ban-kiem-tra": 6, "ban-dan-van": 2, "truong-chinh-tri": 1 },
    { seats: 2, awardTypeId: "bang-khen-ubnd" },
  ),
  ballot("leader", 1, { "ban-tuyen-giao": 4, "ban-to-chuc": 3, "dang-uy-khoi": 0 }, { blank: 1 }),
  ballot("leader", 2, { "ban-tuyen-giao": 6, "ban-to-chuc": 2 }),
  ballot("deputy", 1, { "ban-to-chuc": 5, "truong-chinh-tri": 3 }),
];

/** The bloc's criteria table: 100 points in three groups (one line weighted), 10 of bonus, two penalties. */
export const table: CriteriaTable = {
  groups: [
    {
      id: "1",
      title: "Thực hiện nhiệm vụ chính trị được giao",
      items: [
        {
          id: "1.1",
          title: "Hoàn thành các chỉ tiêu, nhiệm vụ trong chương trình công tác năm",
          maxPoints: 30,
          evidenceRequired: true,
        },
        {
          id: "1.2",
          title: "Tham mưu, đề xuất và thực hiện các nhiệm vụ đột xuất của Tỉnh ủy",
          maxPoints: 20,
          evidenceRequired: false,
        },
      ],
    },
    {
      id: "2",
      title: "Tổ chức các phong trào thi đua",
      items: [
        { id: "2.1", title: "Xây dựng kế hoạch, phát động phong trào thi đua", maxPoints: 10, evidenceRequired: true },
        { id: "2.2", title: "Tham gia các hoạt động chung của Khối", maxPoints: 10, evidenceRequired: false },
        {
          id: "2.3",
          title: "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
          maxPoints: 10,
          evidenceRequired: false,
        },
      ],
    },
    {
      id: "3",
      title: "Xây dựng tổ chức đảng, cơ quan và đoàn thể",
      items: [
        { id: "3.1", title: "Tổ chức đảng hoàn thành xuất sắc nhiệm vụ", maxPoints: 10, evidenceRequired: true },
        {
          id: "3.2",
          title: "Thực hiện văn hóa công sở, cải cách hành chính",
          maxPoints: 5,
          weight: 2,
          evidenceRequired: false,
        },
      ],
    },
  ],
  bonus: [
    { id: "b1", title: "Có mô hình, sáng kiến được cấp có thẩm quyền công nhận", maxPoints: 5 },
    { id: "b2", title: "Được cấp trên khen thưởng đột xuất", maxPoints: 5 },
  ],
  penalties: [
    { id: "p1", title: "Gửi báo cáo chậm so với quy định", maxPoints: 5 },
    { id: "p2", title: "Có cán bộ, đảng viên bị xử lý kỷ luật", maxPoints: 10 },
  ],
};

const line = (v: number[]) =>
  Object.fromEntries(
    ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "b1", "b2", "p1", "p2"].map((id, i) => [id, v[i] ?? 0]),
  );

/** Verified points per unit and line (3.2 is scored out of 5 and counts twice). */
export const points: Record<string, Record<string, number>> = {
  "van-phong-tinh-uy": line([30, 19.5, 10, 10, 9.5, 10, 5, 4, 3, 0, 0]),
  "ban-to-chuc": line([29, 19, 9.5, 9.5, 9, 10, 4.75, 3, 2, 0.5, 0]),
  "ban-tuyen-giao": line([29.5, 19.5, 10, 9.5, 9.5, 10, 5, 3.5, 2, 0, 0]),
  "ban-dan-van": line([28.5, 18.5, 9, 9.5, 8.5, 9.5, 4.5, 2, 1, 1, 0]),
  "uy-ban-kiem-tra": line([29, 19.25, 9.5, 10, 9, 10, 4.75, 3, 2.5, 0, 0]),
  "dang-uy-khoi": line([28, 18, 9, 9, 8.5, 9.5, 4.5, 1.5, 1, 0.5, 0]),
  "truong-chinh-tri": line([28, 18.5, 9, 9.5, 8, 9, 4.5, 2, 0, 0, 2]),
  "bao-ninh-thuan": line([29.5, 19.5, 9.5, 10, 9.5, 10, 5, 3.5, 2.5, 0, 0]),
};

export const allowNegative = false;

/** The verified totals, by core's own arithmetic. */
export const totals = Object.fromEntries(
  memberIds.map((id) => [id, totalsOf(tableLines(table), (line) => points[id]?.[line], allowNegative).total]),
);

/** Units in ranking order with their ranks (the demo's totals have no ties, so the tie-breaks never apply). */
export const ranking = [...memberIds]
  .sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0))
  .map((unitId, i) => ({ unitId, name: units[unitId] ?? unitId, rank: i + 1 }));

/** The conference of 1 December 2023 (seed 004), the day the minutes and the score table are dated. */
export const conference = { year: 2023, month: 12, day: 1 };

/** The minutes of the demo conference, as the documents function would receive them. */
export const minutesInput: MinutesInput = {
  letterhead,
  bloc,
  year,
  members: memberIds.length,
  rounds: minutesOf(ballots),
  units,
  awardTypes,
  date: conference,
  venue: "Hội trường Văn phòng Tỉnh ủy",
  leader: { unitId: "van-phong-tinh-uy", name: "Nguyễn Thị Hồng" },
  counter: { name: "Lê Văn Bình" },
  recipients: ["Ban Thi đua - Khen thưởng tỉnh", "Các đơn vị thành viên Khối", "Lưu: VT"],
};

/** The demo score table, dated and signed by the leader. */
export const scoreInput: ScoreTableInput = {
  bloc,
  year,
  table,
  units: ranking,
  points,
  allowNegative,
  closing: {
    letterhead,
    date: conference,
    signer: { title: "Khối trưởng", note: "Văn phòng Tỉnh ủy", name: "Nguyễn Thị Hồng" },
  },
};

/** The demo covenant, signed by every member in the first days of March 2023. */
export const covenantInput: CovenantInput = {
  letterhead,
  bloc,
  year,
  theme: "Đoàn kết, kỷ cương, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
  members: memberIds.map((unitId, i) => ({
    name: units[unitId] ?? unitId,
    targets: ["Hoàn thành 100% nhiệm vụ được giao", `Tham mưu ${i + 2} đề án, văn bản trọng tâm của Tỉnh ủy`],
    aims: i < 3 ? ["Bằng khen của Chủ tịch UBND tỉnh"] : [],
    signed: { byName: `Lãnh đạo ${units[unitId] ?? unitId}`, date: { year, month: 3, day: 1 + (i % 5) } },
  })),
  date: { year, month: 3, day: 5 },
  leader: "Văn phòng Tỉnh ủy",
  deputies: ["Ban Tuyên giáo Tỉnh ủy"],
};

/** The demo registration list: the covenant's members, as they filed their registrations. */
export const registrationInput: RegistrationListInput = {
  bloc,
  year,
  members: covenantInput.members.map((m) => ({ ...m, filed: m.signed })),
  closing: {
    letterhead,
    date: covenantInput.date,
    signer: { title: "Khối trưởng", note: "Văn phòng Tỉnh ủy", name: "Nguyễn Thị Hồng" },
  },
};

const leader = "Văn phòng Tỉnh ủy";
const certificate = awardTypes["bang-khen-ubnd"] ?? "";
const awardBallot = ballots.find((b) => b.kind === "award");
const rankOf = (unitId: string) => ranking.find((r) => r.unitId === unitId)?.rank ?? null;

/** The two certificates the conference voted (seed 004), with their votes and ranks. */
export const proposed: ProposedAward[] = ["bao-ninh-thuan", "uy-ban-kiem-tra"].map((unitId) => ({
  unit: units[unitId] ?? unitId,
  award: certificate,
  vote: { for: awardBallot?.count?.votes[unitId] ?? 0, of: awardBallot?.count?.returned ?? 0 },
  score: { total: totals[unitId] ?? 0, rank: rankOf(unitId) },
  note: "Hoàn thành xuất sắc nhiệm vụ chính trị năm 2023; dẫn đầu các phong trào thi đua của Khối.",
}));

/** The memo and its list, dated the day after the conference. */
export const proposalInput: ProposalMemoInput = {
  letterhead,
  bloc,
  year,
  proposals: proposed,
  date: { year, month: 12, day: 2 },
  conference,
  leader,
};

/** The board's decision on them, as recorded with its approval. */
export const decisionInput: DecisionInput = {
  letterhead,
  bloc,
  year,
  decision: { number: "2786/QĐ-UBND", date: { year, month: 12, day: 28 }, signer: "Trần Quốc Nam" },
  awards: proposed.map((p) => ({ unit: p.unit, award: p.award })),
};

const reportBase = {
  letterhead,
  bloc,
  year,
  theme: covenantInput.theme,
  members: memberIds.map((id) => units[id] ?? id),
  leader,
  deputies: covenantInput.deputies,
  covenant: covenantInput.date,
};

/** The mid-year report, on the leader's summary published in July. */
export const midYearInput: MidYearReportInput = {
  ...reportBase,
  date: { year, month: 7, day: 10 },
  summary: [
    "Văn phòng Tỉnh ủy",
    "- Tham mưu tổ chức thành công 4 hội nghị Ban Chấp hành Đảng bộ tỉnh",
    "- Bảo đảm phục vụ các hoạt động của Thường trực Tỉnh ủy",
    "",
    "Ban Tuyên giáo Tỉnh ủy",
    "- Tổ chức học tập, quán triệt nghị quyết cho 100% chi bộ",
  ].join("\n"),
  deadlines: { scoring: { year, month: 11, day: 15 }, verification: { year, month: 11, day: 25 } },
};

/** The year-end draft, put together once the year is ranked. */
export const yearEndInput: YearEndReportInput = {
  ...reportBase,
  date: conference,
  midYear: midYearInput.date,
  ranking: ranking.map((r) => ({ unit: r.name, total: totals[r.unitId] ?? 0, rank: r.rank })),
  proposals: proposed,
  next: { leader: units["ban-tuyen-giao"], deputies: [units["ban-to-chuc"] ?? ""] },
};
