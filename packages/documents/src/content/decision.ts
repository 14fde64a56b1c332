import {
  committeeName,
  councilName,
  type DocumentDate,
  formatDate,
  type Letterhead,
  placeDateLine,
  type Signer,
  upper,
} from "../letterhead.ts";
import { type Block, centered, type Nd30Content, paragraph } from "./model.ts";
import { countsByAward } from "./proposal.ts";

/**
 * The award decision (quyết định khen thưởng) for a bloc-year's approved proposals, as the board recorded
 * it (number, date, signer): issued by the province's People's Committee (the letterhead's parent body),
 * with the awarded units in an annex after the signature.
 */

export interface DecisionInput {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  /** The decision as the board recorded its approval. */
  decision: { number: string; date: DocumentDate; signer: string };
  /** The awarded units, by award. */
  awards: readonly { unit: string; award: string }[];
}

/** "UBND TỈNH NINH THUẬN" → "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN": the authority line spells the body out. */
const spelledOut = (body: string) => upper(body).replace(/^UBND\b/u, "ỦY BAN NHÂN DÂN");

/** The decision as an ND30 document's content, for Word and for the preview. */
export function decisionContent(input: DecisionInput): Nd30Content {
  const { letterhead, year, bloc, decision, awards } = input;
  const issuer = letterhead.issuer.parent ?? letterhead.issuer.body;
  const counts = countsByAward(awards);
  const what = counts.length === 1 ? (counts[0]?.[0] ?? "") : "các hình thức khen thưởng";
  const body: Block[] = [
    centered(`CHỦ TỊCH ${spelledOut(issuer)}`),
    paragraph("Căn cứ Luật Thi đua, khen thưởng và các văn bản quy định chi tiết thi hành;"),
    paragraph(`Căn cứ quy chế hoạt động và kết quả bình xét thi đua năm ${year} của ${bloc};`),
    paragraph(`Theo đề nghị của ${bloc} và của ${councilName(letterhead)}.`),
    centered("QUYẾT ĐỊNH:"),
    paragraph(
      { text: "Điều 1.", bold: true },
      ` Tặng ${what} cho ${String(awards.length).padStart(2, "0")} tập thể thuộc ${bloc} ` +
        `(có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào thi đua năm ${year}.`,
    ),
    paragraph(
      { text: "Điều 2.", bold: true },
      " Các tập thể có tên tại Điều 1 được hưởng chế độ khen thưởng theo quy định hiện hành.",
    ),
    paragraph(
      { text: "Điều 3.", bold: true },
      ` Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${committeeName(letterhead)}, ` +
        `Khối trưởng ${bloc} và thủ trưởng các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ),
  ];
  // The chair of the People's Committee decides (the authority line above): signed as the board recorded.
  const signer: Signer = { title: "Chủ tịch", name: decision.signer };
  return {
    issuer: { body: issuer },
    number: decision.number,
    placeDate: placeDateLine(letterhead.place, decision.date),
    title: "Quyết định",
    summary: [`Về việc tặng ${what}`, `cho các tập thể thuộc ${bloc} năm ${year}`],
    body,
    recipients: ["Như Điều 3", "Lưu: VT"],
    signers: [signer],
    annex: {
      title: "Danh sách",
      summary: [
        `Tập thể được tặng ${what} năm ${year}`,
        `(Kèm theo Quyết định số ${decision.number} ngày ${formatDate(decision.date)})`,
      ],
      body: [
        {
          kind: "table",
          columns: [
            { header: "STT", width: 1, align: "center" },
            { header: "Tập thể", width: 6 },
            { header: "Hình thức khen thưởng", width: 5 },
          ],
          rows: awards.map((a, i) => [String(i + 1), a.unit, a.award]),
        },
      ],
    },
    meta: { title: `Quyết định khen thưởng năm ${year}`, subject: bloc },
  };
}
