import {
  councilName,
  type DocumentDate,
  formatDate,
  formatPercent,
  formatPoints,
  type Letterhead,
} from "../letterhead.ts";
import { forTheBloc, issuedByBloc } from "./bloc.ts";
import { type Block, type Column, heading, type Nd30Content, paragraph } from "./model.ts";

/**
 * The proposal memo (tờ trình đề nghị khen thưởng) of a bloc-year: the bloc asks the province's emulation
 * council to award what its conference voted, each proposal with its vote and its place in the ranking.
 * The same data makes the Excel list that goes with it (xlsx/proposals.ts).
 */

export interface ProposedAward {
  unit: string;
  /** The award type, by name. */
  award: string;
  /** The vote it follows: votes for the unit, out of the ballots returned. */
  vote?: { for: number; of: number };
  /** The unit's total and rank in the year's ranking, once ranked. */
  score?: { total: number; rank: number | null };
  /** The bloc's reasons, in a few lines. */
  note?: string;
}

export interface ProposalMemoInput {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  /** In the order the bloc lists them: by award, then by rank. */
  proposals: readonly ProposedAward[];
  /** The day of the memo: the last proposal made. */
  date: DocumentDate;
  /** The conference's day (the last ballot closed), when there was a vote. */
  conference?: DocumentDate;
  /** The year's leading unit (Khối trưởng), by name. */
  leader: string;
  number?: number;
}

/** "6/8 phiếu (75%)". */
export const voteText = (vote: ProposedAward["vote"]) =>
  vote ? `${vote.for}/${vote.of} phiếu (${formatPercent(vote.of ? vote.for / vote.of : 0)})` : "";

/** "95,50 điểm, hạng 1". */
export const scoreText = (score: ProposedAward["score"]) =>
  score ? `${formatPoints(score.total)} điểm${score.rank === null ? "" : `, hạng ${score.rank}`}` : "";

/**
 * The proposals as a table: unit, award, the vote (a column only when some proposal followed one) and,
 * with `score`, the total and rank.
 */
export function proposalTable(proposals: readonly ProposedAward[], { score = false } = {}): Block {
  type Cell = [Column, (p: ProposedAward) => string];
  const columns: Cell[] = [
    [{ header: "Đơn vị", width: 4 }, (p) => p.unit],
    [{ header: "Hình thức khen thưởng", width: 4 }, (p) => p.award],
  ];
  if (proposals.some((p) => p.vote))
    columns.push([{ header: "Kết quả bình xét", width: 2.5, align: "center" }, (p) => voteText(p.vote)]);
  if (score) columns.push([{ header: "Điểm, xếp hạng", width: 2.5, align: "center" }, (p) => scoreText(p.score)]);
  return {
    kind: "table",
    columns: [{ header: "STT", width: 1, align: "center" }, ...columns.map(([c]) => c)],
    rows: proposals.map((p, i) => [String(i + 1), ...columns.map(([, text]) => text(p))]),
  };
}

/** How many proposals of each award, in the order they first appear: "02 Bằng khen…". */
export function countsByAward(proposals: readonly ProposedAward[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of proposals) counts.set(p.award, (counts.get(p.award) ?? 0) + 1);
  return [...counts];
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** The proposal memo as an ND30 document's content, for Word and for the preview. */
export function proposalMemoContent(input: ProposalMemoInput): Nd30Content {
  const { letterhead, year, bloc, proposals } = input;
  const council = councilName(letterhead);
  const counts = countsByAward(proposals)
    .map(([award, n]) => `${twoDigits(n)} ${award}`)
    .join("; ");
  const notes = proposals.filter((p) => p.note);
  const body: Block[] = [
    paragraph({ text: `Kính gửi: ${council}`, bold: true }),
    paragraph(`Căn cứ quy chế hoạt động của ${bloc} và kết quả chấm điểm, xếp hạng thi đua năm ${year};`),
    ...(input.conference
      ? [paragraph(`Căn cứ kết quả bình xét, biểu quyết tại hội nghị tổng kết ngày ${formatDate(input.conference)};`)]
      : []),
    paragraph(
      `${bloc} kính đề nghị ${council} xem xét, trình cấp có thẩm quyền khen thưởng cho ${twoDigits(proposals.length)} ` +
        `tập thể có thành tích xuất sắc trong phong trào thi đua năm ${year} (${counts}), cụ thể như sau:`,
    ),
    proposalTable(proposals, { score: true }),
    ...(notes.length
      ? [
          heading("Thành tích chủ yếu"),
          ...notes.map((p) => paragraph({ text: `${p.unit}: `, bold: true }, p.note ?? "")),
        ]
      : []),
    paragraph(`(Có danh sách kèm theo.) Kính đề nghị ${council} xem xét, quyết định./.`),
  ];
  return {
    ...issuedByBloc(input, "proposal"),
    title: "Tờ trình",
    summary: [`Về việc đề nghị khen thưởng thành tích thi đua năm ${year}`],
    body,
    recipients: ["Như trên", "Các đơn vị thành viên Khối", "Lưu: VT"],
    signers: [forTheBloc(input.leader)],
    meta: { title: `Tờ trình đề nghị khen thưởng năm ${year}`, subject: bloc },
  };
}
