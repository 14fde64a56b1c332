import { councilName, type DocumentDate, formatDate, formatPoints, type Letterhead } from "../letterhead.ts";
import { forTheBloc, issuedByBloc } from "./bloc.ts";
import { type Block, heading, type Nd30Content, paragraph } from "./model.ts";
import { type ProposedAward, proposalTable } from "./proposal.ts";

/**
 * The bloc's two reports of the year, issued by the bloc and signed by its leader: the mid-year report
 * (báo cáo sơ kết) carries the leader's published summary; the year-end report is a draft (dự thảo báo cáo
 * tổng kết) put together from the year's data (registration, the mid-year review, the ranking, the
 * proposals, next year's seats) for the leader to complete before the conference.
 */

interface ReportBase {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  theme?: string;
  /** The members' names in the bloc's order. */
  members: readonly string[];
  /** The year's leading unit (Khối trưởng) and deputies (Khối phó), by name. */
  leader: string;
  deputies: readonly string[];
  /** The day the last member signed the covenant, once all have. */
  covenant?: DocumentDate;
  /** The day of the report. */
  date: DocumentDate;
  number?: number;
}

export interface MidYearReportInput extends ReportBase {
  /** The leader's summary as published: units' names on their own lines, their points as "- …" lines. */
  summary: string;
  /** The deadlines still ahead: self-scoring and verification. */
  deadlines: { scoring?: DocumentDate; verification?: DocumentDate };
}

export interface YearEndReportInput extends ReportBase {
  /** The day the mid-year summary was published. */
  midYear?: DocumentDate;
  /** The year's ranking, in order. */
  ranking: readonly { unit: string; total: number; rank: number | null }[];
  /** The proposals standing (made, returned or approved). */
  proposals: readonly ProposedAward[];
  /** Next year's leader and deputies, once chosen. */
  next?: { leader?: string; deputies: readonly string[] };
}

const count = (n: number) => String(n).padStart(2, "0");

/** A written text as body blocks: a line followed by "- " lines is a bold lead-in, every line a paragraph. */
export function textBlocks(text: string): Block[] {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((l, i) => {
    const leadIn = !l.startsWith("- ") && !!lines[i + 1]?.startsWith("- ");
    return leadIn ? paragraph({ text: l, bold: true }) : paragraph(l);
  });
}

function situation(input: ReportBase): Block[] {
  const deputies = input.deputies.length ? `, ${input.deputies.join(", ")} làm Khối phó` : "";
  return [
    paragraph(
      `Năm ${input.year}, ${input.bloc} gồm ${count(input.members.length)} đơn vị thành viên: ${input.members.join(", ")}; ` +
        `${input.leader} làm Khối trưởng${deputies}.`,
    ),
    paragraph(
      (input.covenant
        ? `Ngay từ đầu năm, 100% đơn vị thành viên đã đăng ký thi đua và ký giao ước thi đua (ngày ${formatDate(input.covenant)})`
        : "Các đơn vị thành viên đăng ký thi đua và ký giao ước thi đua") +
        (input.theme ? ` với chủ đề “${input.theme}”.` : "."),
    ),
  ];
}

const recipients = (l: Letterhead) => [councilName(l), "Các đơn vị thành viên Khối", "Lưu: VT"];

/** The mid-year report as an ND30 document's content. */
export function midYearReportContent(input: MidYearReportInput): Nd30Content {
  const { letterhead, year, bloc, deadlines } = input;
  const scoring = deadlines.scoring ? ` trước ngày ${formatDate(deadlines.scoring)}` : "";
  const verification = deadlines.verification ? ` trước ngày ${formatDate(deadlines.verification)}` : "";
  return {
    ...issuedByBloc(input, "midYearReport"),
    title: "Báo cáo",
    summary: [`Sơ kết công tác thi đua sáu tháng đầu năm ${year}`],
    body: [
      heading("I. CÔNG TÁC TRIỂN KHAI"),
      ...situation(input),
      heading("II. KẾT QUẢ SÁU THÁNG ĐẦU NĂM"),
      ...textBlocks(input.summary),
      heading("III. NHIỆM VỤ TRỌNG TÂM SÁU THÁNG CUỐI NĂM"),
      paragraph(
        "Các đơn vị thành viên tiếp tục thực hiện các chỉ tiêu đã đăng ký; tự chấm điểm theo bảng tiêu chí của Khối" +
          `${scoring}; Khối trưởng tổ chức thẩm định kết quả chấm điểm${verification}, tổng kết và bình xét thi đua ` +
          "cuối năm theo quy chế của Khối./.",
      ),
    ],
    recipients: recipients(letterhead),
    signers: [forTheBloc(input.leader)],
    meta: { title: `Báo cáo sơ kết sáu tháng đầu năm ${year}`, subject: bloc },
  };
}

/** The draft of the year-end report as an ND30 document's content. */
export function yearEndReportContent(input: YearEndReportInput): Nd30Content {
  const { letterhead, year, bloc, proposals, next } = input;
  const nextSeats = next?.leader
    ? `${next.leader} làm Khối trưởng năm ${year + 1}` +
      (next.deputies.length ? `, ${next.deputies.join(", ")} làm Khối phó` : "")
    : undefined;
  return {
    ...issuedByBloc(input, "yearEndReport"),
    draft: true,
    title: "Báo cáo",
    summary: [`Tổng kết công tác thi đua năm ${year}`, `và phương hướng, nhiệm vụ năm ${year + 1}`],
    body: [
      heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
      ...situation(input),
      heading("II. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA"),
      heading("1. Đăng ký và ký kết giao ước thi đua"),
      paragraph(
        input.covenant
          ? `${count(input.members.length)}/${count(input.members.length)} đơn vị thành viên đăng ký thi đua và ký giao ước; ` +
              `giao ước được ký kết ngày ${formatDate(input.covenant)}.`
          : "Các đơn vị thành viên đăng ký thi đua và ký giao ước theo quy chế của Khối.",
      ),
      heading("2. Sơ kết sáu tháng đầu năm"),
      paragraph(
        input.midYear
          ? `Khối trưởng tổng hợp báo cáo của các đơn vị, ban hành báo cáo sơ kết ngày ${formatDate(input.midYear)}.`
          : "Khối trưởng tổng hợp báo cáo của các đơn vị và sơ kết sáu tháng đầu năm.",
      ),
      heading("3. Kết quả chấm điểm, xếp hạng"),
      paragraph("Trên cơ sở kết quả tự chấm điểm của các đơn vị và thẩm định của Khối, kết quả xếp hạng như sau:"),
      {
        kind: "table",
        columns: [
          { header: "STT", width: 1, align: "center" },
          { header: "Đơn vị", width: 6 },
          { header: "Tổng điểm", width: 2, align: "center" },
          { header: "Xếp hạng", width: 2, align: "center" },
        ],
        rows: input.ranking.map((r, i) => [
          String(i + 1),
          r.unit,
          formatPoints(r.total),
          r.rank === null ? "Không xếp hạng" : String(r.rank),
        ]),
      },
      heading("III. BÌNH XÉT, ĐỀ NGHỊ KHEN THƯỞNG"),
      ...(proposals.length
        ? [
            paragraph(`Qua bình xét, Khối đề nghị khen thưởng ${count(proposals.length)} tập thể:`),
            proposalTable(proposals),
          ]
        : [paragraph("Khối chưa có đề nghị khen thưởng.")]),
      heading(`IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}`),
      ...(nextSeats ? [paragraph(`Hội nghị thống nhất ${nextSeats}.`)] : []),
      paragraph(
        "Các đơn vị thành viên tiếp tục đẩy mạnh phong trào thi đua, đăng ký thi đua và ký giao ước " +
          `năm ${year + 1} ngay từ đầu năm, thực hiện tốt quy chế hoạt động của Khối./.`,
      ),
    ],
    recipients: recipients(letterhead),
    signers: [forTheBloc(input.leader)],
    meta: { title: `Dự thảo báo cáo tổng kết năm ${year}`, subject: bloc },
  };
}
