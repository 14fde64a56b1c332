import { type DocumentDate, formatDate, type Letterhead } from "../letterhead.ts";
import { issuedByBloc } from "./bloc.ts";
import { type Block, heading, type Nd30Content, paragraph } from "./model.ts";

/**
 * The emulation covenant (bản giao ước thi đua) of a bloc-year: the theme, what each member registered
 * (targets and the titles it aims for) and who signed the covenant for it, when; the year's leader and
 * deputy sign at the foot.
 */

export interface CovenantMember {
  name: string;
  targets: readonly string[];
  /** The titles and awards it aims for, by name. */
  aims: readonly string[];
  /** Who signed the covenant for the unit, and the day (Vietnam's calendar). */
  signed: { byName: string; date: DocumentDate };
}

export interface CovenantInput {
  letterhead: Letterhead;
  /** The bloc's name: "Khối thi đua các cơ quan Đảng tỉnh". */
  bloc: string;
  year: number;
  theme?: string;
  /** The members in the bloc's order. */
  members: readonly CovenantMember[];
  /** The day the covenant is dated: the last signature. */
  date: DocumentDate;
  /** The year's leading unit (Khối trưởng) and deputies (Khối phó), by name. */
  leader: string;
  deputies: readonly string[];
  number?: number;
}

/** The covenant as an ND30 document's content, for Word and for the preview. */
export function covenantContent(input: CovenantInput): Nd30Content {
  const { year, bloc } = input;
  const body: Block[] = [
    paragraph(
      `Thực hiện phong trào thi đua năm ${year}` +
        (input.theme ? ` với chủ đề “${input.theme}”` : "") +
        `, các đơn vị thành viên ${bloc} cùng ký giao ước thi đua, quyết tâm hoàn thành xuất sắc nhiệm vụ ` +
        "chính trị được giao và các chỉ tiêu đã đăng ký dưới đây.",
    ),
    heading("I. Chỉ tiêu và danh hiệu đăng ký"),
    {
      kind: "table",
      columns: [
        { header: "STT", width: 1, align: "center" },
        { header: "Đơn vị", width: 3.5 },
        { header: "Chỉ tiêu đăng ký", width: 6 },
        { header: "Danh hiệu phấn đấu", width: 3 },
      ],
      rows: input.members.map((m, i) => [
        String(i + 1),
        m.name,
        m.targets.map((t) => `- ${t}`).join("\n"),
        m.aims.join("; "),
      ]),
    },
    heading("II. Các đơn vị ký giao ước"),
    {
      kind: "table",
      columns: [
        { header: "STT", width: 1, align: "center" },
        { header: "Đơn vị", width: 5 },
        { header: "Người ký", width: 4 },
        { header: "Ngày ký", width: 2.5, align: "center" },
      ],
      rows: input.members.map((m, i) => [String(i + 1), m.name, m.signed.byName, formatDate(m.signed.date)]),
    },
    paragraph(
      "Các đơn vị thành viên cam kết tổ chức thực hiện nghiêm túc nội dung giao ước; Khối trưởng theo dõi, " +
        "tổng hợp kết quả, sơ kết giữa năm và tổng kết, bình xét thi đua cuối năm theo quy chế của Khối./.",
    ),
  ];
  return {
    ...issuedByBloc(input, "covenant"),
    title: "Bản giao ước thi đua",
    summary: [`Năm ${year}`],
    body,
    // The deputies sign beside the leader; a bloc without a deputy has the leader's signature alone.
    signers: input.deputies.length
      ? [
          { title: "Khối phó", note: input.deputies.join(", ") },
          { title: "Khối trưởng", note: input.leader },
        ]
      : [{ title: "Khối trưởng", note: input.leader }],
    meta: { title: `Bản giao ước thi đua năm ${year}`, subject: bloc },
  };
}
