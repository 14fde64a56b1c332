/**
 * The layout of Nghị định 30/2020/NĐ-CP (Phụ lục I) as numbers, shared by the Word files and the HTML
 * preview. Where the decree gives a range, the value chosen is noted beside it.
 */
export const ND30 = {
  font: "Times New Roman",
  /** A4 portrait, in millimetres. */
  page: { width: 210, height: 297 },
  /** Margins in millimetres: the decree's top 20–25, bottom 20–25, left 30–35, right 15–20. */
  margin: { top: 20, bottom: 20, left: 30, right: 15 },
  /** First-line indent of body paragraphs (the decree: 1 cm to 1.27 cm). */
  indent: 10,
  /** Font sizes in points. */
  size: {
    /** Body text (13–14). */
    body: 14,
    /** Issuing body and its parent, top left (12–13). */
    issuer: 13,
    /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12–13): 13 pt would not fit the header's right column. */
    nationalTitle: 12,
    /** "Độc lập - Tự do - Hạnh phúc" (13–14). */
    motto: 13,
    /** "Số: …" (13). */
    number: 13,
    /** Place and date line, italic (13–14). */
    placeDate: 14,
    /** Title and summary (13–14). */
    title: 14,
    /** Table text: one point under the body, as tables commonly are. */
    table: 13,
    /** "Nơi nhận:" (12) and its lines (11). */
    recipientsLabel: 12,
    recipients: 11,
    /** Signer's authority, title and name (13–14). */
    signer: 14,
    /** Page number, top centre, from page 2 (13–14). */
    pageNumber: 13,
  },
} as const;

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const RECIPIENTS_LABEL = "Nơi nhận:";
