import { type DocumentDate, type DocumentKind, documentNumber, type Letterhead, placeDateLine } from "../letterhead.ts";
import type { Nd30Content, SignerBlock } from "./model.ts";

/* What the documents a bloc issues share: the bloc under the province's parent body, and its leader's signature. */

/** The head of a document the bloc issues: issuer, number (blank until the clerk numbers it), place and date. */
export function issuedByBloc(
  { letterhead, bloc, date, number }: { letterhead: Letterhead; bloc: string; date: DocumentDate; number?: number },
  kind: DocumentKind,
): Pick<Nd30Content, "issuer" | "number" | "placeDate"> {
  return {
    issuer: { parent: letterhead.issuer.parent, body: bloc },
    number: documentNumber(letterhead, kind, number, date.year),
    placeDate: placeDateLine(letterhead.place, date),
  };
}

/** The leading unit signing for the bloc: "TM. KHỐI THI ĐUA / KHỐI TRƯỞNG / <unit>". */
export const forTheBloc = (leader: string): SignerBlock => ({
  authority: "TM. Khối thi đua",
  title: "Khối trưởng",
  note: leader,
});
