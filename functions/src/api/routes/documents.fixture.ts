import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { expect } from "vitest";
import { as, type Year } from "./cycle.fixture.ts";

/* What the documents' route tests share: the letterhead to set, downloading and reading what comes back. */

export const documents = (y: Year) => `${y.path}/documents`;

/** The province's letterhead, as its board sets it: every document carries it. */
export const letterhead = {
  issuer: { parent: "UBND TỈNH NINH THUẬN", body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" },
  place: "Ninh Thuận",
  signer: { authority: "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", title: "CHỦ TỊCH", name: "Trần Quốc Nam" },
  numbers: {},
};
export async function setLetterhead(y: Year) {
  expect((await as(y.board, "/api/letterhead", "PUT", { letterhead, version: 0 })).status).toBe(200);
}

export async function download(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** A downloaded .docx's `word/document.xml`. */
export const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"] as Uint8Array);

/** A downloaded .xlsx's first sheet. */
export async function firstSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("No sheet");
  return ws;
}

/** Each table row of a .docx's body as its cells' texts. */
export const tableRows = (xml: string) =>
  [...xml.matchAll(/<w:tr\b[^>]*>(.*?)<\/w:tr>/gs)].map((row) =>
    [...(row[1] ?? "").matchAll(/<w:tc\b[^>]*>(.*?)<\/w:tc>/gs)].map((cell) =>
      [...(cell[1] ?? "").matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
    ),
  );

/** Each paragraph's text. */
export const paragraphTexts = (xml: string) =>
  [...xml.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)].map((p) =>
    [...(p[1] ?? "").matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
  );

/** Asks for a document and expects 409 naming `step`. */
export async function refused(y: Year, kind: string, step: string, actor = y.board) {
  const answer = await as(actor, documents(y), "POST", { kind });
  expect([answer.status, answer.body.error?.code, answer.body.error?.fields]).toEqual([
    409,
    "document.not_ready",
    [{ path: "kind", message: step }],
  ]);
}

/** Asks for a document, expects it made under `fileName`, and downloads it. */
export async function made(y: Year, kind: string, fileName: string, actor = y.board) {
  const answer = await as(actor, documents(y), "POST", { kind });
  expect([answer.status, answer.body.fileName]).toEqual([201, fileName]);
  return (await download(answer.body.url)).bytes;
}
