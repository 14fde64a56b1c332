import type { MinutesRound } from "@thidua/core/ballot/minutes";
import { compareVietnamese } from "@thidua/core/text";
import {
  type DocumentDate,
  dateParts,
  documentNumber,
  formatPercent,
  type Letterhead,
  placeDateLine,
} from "../letterhead.ts";
import { type Block, heading, type Nd30Content, paragraph, roman } from "./model.ts";

/**
 * The vote-count minutes (biên bản kiểm phiếu) of a bloc-year's conference: who came, then each round with
 * its papers, the votes per candidate, the votes needed and who was elected or goes to the next round.
 */

export interface MinutesInput {
  letterhead: Letterhead;
  /** The bloc's name: "Khối thi đua các cơ quan Đảng tỉnh". */
  bloc: string;
  /** The year reviewed; the leader and deputy are elected for the next one. */
  year: number;
  /** Members of the bloc that year. */
  members: number;
  /** The closed rounds, as `minutesOf` in core gives them. */
  rounds: readonly MinutesRound[];
  /** Unit names by id; an id without a name prints as itself. */
  units: Readonly<Record<string, string>>;
  /** Award type names by id, for award ballots. */
  awardTypes?: Readonly<Record<string, string>>;
  /** The conference's date, which the minutes carry. */
  date: DocumentDate;
  venue?: string;
  /** The document number once the clerk gives one; blank until then. */
  number?: number;
  /** The issuing body; by default the bloc, under the letterhead's parent. */
  issuer?: Nd30Content["issuer"];
  /** The leading unit of the year reviewed (Khối trưởng), and who signs for it. */
  leader: { unitId: string; name?: string };
  /** Who signs for the counting team. */
  counter?: { name?: string };
  recipients?: string[];
}

type Names = (unitIds: readonly string[]) => string;

/** "A", "A và B", "A, B và C". */
const listed = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} và ${items.at(-1)}`;

function roundTitle(input: MinutesInput, r: MinutesRound, multiRound: boolean): string {
  const next = input.year + 1;
  const award = r.awardTypeId ? (input.awardTypes?.[r.awardTypeId] ?? r.awardTypeId) : "khen thưởng";
  const what = {
    leading_unit: `Suy tôn đơn vị dẫn đầu ${input.bloc} năm ${input.year}`,
    award: `Bình xét đề nghị tặng ${award}`,
    leader: `Bầu Khối trưởng năm ${next}`,
    deputy: `Bầu Khối phó năm ${next}`,
  }[r.kind];
  return multiRound ? `${what} (vòng ${r.round})` : what;
}

const share = (votes: number, present: number) => (present > 0 ? formatPercent(votes / present) : "—");

function outcome(r: MinutesRound, name: (id: string) => string, names: Names): string {
  if (!r.quorumMet) return "Kết quả: số đơn vị có mặt không đủ tỷ lệ quy định; vòng bỏ phiếu này không có giá trị.";
  const votesOf = (id: string) => r.votes.find((v) => v.unitId === id)?.votes ?? 0;
  const elected = r.elected.map(
    (id) => `${name(id)} (${votesOf(id)}/${r.present.length} phiếu, đạt ${share(votesOf(id), r.present.length)})`,
  );
  const parts = [
    elected.length ? `${listed(elected)} trúng cử` : "không đơn vị nào trúng cử",
    ...(r.runoff.length ? [`${names(r.runoff)} vào vòng ${r.round + 1}`] : []),
  ];
  return `Kết quả: ${parts.join("; ")}.`;
}

function roundBlocks(r: MinutesRound, index: number, title: string, members: number, name: (id: string) => string) {
  const names: Names = (ids) => listed(ids.map(name));
  const present = r.present.length;
  const result = (id: string) => (r.elected.includes(id) ? "Trúng cử" : r.runoff.includes(id) ? "Vào vòng sau" : "");
  const blocks: Block[] = [
    heading(`${roman(index + 1)}. ${title}`),
    paragraph(
      `Hình thức: ${r.secret ? "bỏ phiếu kín" : "biểu quyết công khai"}; số đơn vị được bầu: ${r.seats}; ` +
        `số đơn vị có mặt: ${present}/${members}${r.quorumMet ? "" : " (không đủ tỷ lệ quy định)"}.`,
    ),
    paragraph(
      `Số phiếu phát ra: ${r.issued}; số phiếu thu vào: ${r.returned}; số phiếu hợp lệ: ${r.valid}; ` +
        `số phiếu không hợp lệ: ${r.invalid}; số phiếu trắng: ${r.blank}. ` +
        `Số phiếu cần đạt để trúng cử: ${r.needed}; tỷ lệ tính trên số đơn vị có mặt.`,
    ),
    {
      kind: "table",
      columns: [
        { header: "STT", width: 1, align: "center" },
        { header: "Đơn vị", width: 6 },
        { header: "Số phiếu", width: 1.8, align: "center" },
        { header: "Tỷ lệ", width: 1.7, align: "center" },
        { header: "Kết quả", width: 2.5, align: "center" },
      ],
      rows: r.votes.map((v, i) => [
        String(i + 1),
        name(v.unitId),
        String(v.votes),
        share(v.votes, present),
        result(v.unitId),
      ]),
    },
    paragraph(outcome(r, name, names)),
  ];
  return blocks;
}

/** The minutes as an ND30 document's content, for Word and for the preview. */
export function minutesContent(input: MinutesInput): Nd30Content {
  const name = (id: string) => input.units[id] ?? id;
  const { letterhead } = input;
  // A kind (and award) with several rounds says which round each section is.
  const groupOf = (r: MinutesRound) => `${r.kind}:${r.awardTypeId ?? ""}`;
  const rounds = new Map<string, number>();
  for (const r of input.rounds) rounds.set(groupOf(r), (rounds.get(groupOf(r)) ?? 0) + 1);
  const present = [...new Set(input.rounds.flatMap((r) => r.present))].map(name).sort(compareVietnamese);
  const { day, month } = dateParts(input.date);
  const where = input.venue ? `, tại ${input.venue}` : "";
  const leaderName = name(input.leader.unitId);
  // The seats elected, as the ballots held say: "bầu Khối trưởng, Khối phó năm 2024".
  const seats = (["leader", "deputy"] as const)
    .filter((kind) => input.rounds.some((r) => r.kind === kind))
    .map((kind) => (kind === "leader" ? "Khối trưởng" : "Khối phó"));
  const elects = seats.length ? ` và bầu ${seats.join(", ")} năm ${input.year + 1}` : "";
  const body: Block[] = [
    paragraph(
      `Hôm nay, ngày ${day} tháng ${month} năm ${input.date.year}${where}, ${input.bloc} tổ chức hội nghị ` +
        `tổng kết công tác thi đua, khen thưởng năm ${input.year}, bình xét thi đua${elects}.`,
    ),
    paragraph(
      `Thành phần: đại diện lãnh đạo ${present.length}/${input.members} đơn vị thành viên của Khối` +
        (present.length ? `: ${listed(present)}.` : "."),
    ),
    paragraph(`Chủ trì: ${leaderName}, đơn vị Khối trưởng năm ${input.year}.`),
    ...input.rounds.flatMap((r, i) =>
      roundBlocks(r, i, roundTitle(input, r, (rounds.get(groupOf(r)) ?? 0) > 1), input.members, name),
    ),
    paragraph("Biên bản được lập và thông qua tại hội nghị; các đơn vị dự họp nhất trí với nội dung biên bản./."),
  ];
  return {
    issuer: input.issuer ?? { parent: letterhead.issuer.parent, body: input.bloc },
    number: documentNumber(letterhead, "minutes", input.number, input.date.year),
    placeDate: placeDateLine(letterhead.place, input.date),
    title: "Biên bản",
    summary: [`Kiểm phiếu bình xét thi đua năm ${input.year}`],
    body,
    ...(input.recipients ? { recipients: input.recipients } : {}),
    signers: [
      { title: "Người kiểm phiếu", ...(input.counter?.name ? { name: input.counter.name } : {}) },
      { title: "Khối trưởng", note: leaderName, ...(input.leader.name ? { name: input.leader.name } : {}) },
    ],
    meta: { title: `Biên bản kiểm phiếu bình xét thi đua năm ${input.year}`, subject: input.bloc },
  };
}
