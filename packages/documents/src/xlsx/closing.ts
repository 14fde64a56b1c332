import type ExcelJS from "exceljs";
import type { SignerBlock } from "../content/model.ts";
import { type DocumentDate, type Letterhead, placeDateLine, upper } from "../letterhead.ts";
import { put } from "./style.ts";

/** What a sheet says under its table: the place and date, and who signs. */
export interface SheetClosing {
  letterhead: Letterhead;
  date: DocumentDate;
  signer: SignerBlock;
}

/** The place-date line and the signature, under the table on the right. */
export function signatureBlock(
  ws: ExcelJS.Worksheet,
  top: number,
  from: number,
  to: number,
  { letterhead, date, signer }: SheetClosing,
) {
  const bold = { bold: true, size: 13 };
  const italic = { italic: true, size: 13 };
  const lines: [string, Parameters<typeof put>[2]][] = [
    [placeDateLine(letterhead.place, date), italic],
    ...(signer.authority ? [[upper(signer.authority), bold] satisfies [string, object]] : []),
    [upper(signer.title), bold],
    ...(signer.note ? [[signer.note, italic] satisfies [string, object]] : []),
    // Room for the signature and the seal.
    ["", {}],
    ["", {}],
    ["", {}],
    [signer.name ?? "", bold],
  ];
  lines.forEach(([text, style], i) => {
    ws.mergeCells(top + i, from, top + i, to);
    put(ws.getCell(top + i, from), text, { align: "center", ...style });
  });
}
