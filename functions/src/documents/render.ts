import type { DocumentContent, DocumentJob, DocumentPreviewer, DocumentRenderer } from "@thidua/core/document/rules";
import { storeDocument } from "@thidua/core/files";
import { type Letterhead, Letterhead as LetterheadSchema } from "@thidua/documents/letterhead";

/*
 * The in-process renderer and previewer: draw a document with `@thidua/documents`, stored at the job's key
 * or as an HTML page. On AWS they run in the documents function (lambda/documents.ts), which the API
 * invokes; locally and in tests the app calls them directly. The API's own entry never imports this
 * module, so its bundle stays without the Word and Excel generators.
 */

/** The letterhead as the generators take it, checked again: on AWS the job arrives as JSON from the API. */
const letterheadOf = (l: unknown): Letterhead => LetterheadSchema.parse(l);
const withLetterhead = <T extends { letterhead: Letterhead }>(input: T): T => ({
  ...input,
  letterhead: letterheadOf(input.letterhead),
});
const withClosing = <T extends { closing: { letterhead: Letterhead } }>(input: T): T => ({
  ...input,
  closing: withLetterhead(input.closing),
});

type Drawer<K extends DocumentContent["kind"]> = (
  input: Extract<DocumentContent, { kind: K }>["input"],
) => Promise<Uint8Array>;

/**
 * Each kind's generator, imported on first use: the bundle splits them into chunks, so a cold start loads
 * neither the Word nor the Excel library, and a request loads only the one its document needs.
 */
const drawers: { [K in DocumentContent["kind"]]: Drawer<K> } = {
  covenant: async (i) => (await import("@thidua/documents/docx/covenant")).covenantDocx(withLetterhead(i)),
  registration: async (i) => (await import("@thidua/documents/xlsx/registration")).registrationXlsx(withClosing(i)),
  midYearReport: async (i) => (await import("@thidua/documents/docx/reports")).midYearReportDocx(withLetterhead(i)),
  scores: async (i) => (await import("@thidua/documents/xlsx/scores")).scoresXlsx(withClosing(i)),
  minutes: async (i) => (await import("@thidua/documents/docx/minutes")).minutesDocx(withLetterhead(i)),
  yearEndReport: async (i) => (await import("@thidua/documents/docx/reports")).yearEndReportDocx(withLetterhead(i)),
  proposal: async (i) => (await import("@thidua/documents/docx/proposal")).proposalMemoDocx(withLetterhead(i)),
  proposalList: async (i) => (await import("@thidua/documents/xlsx/proposals")).proposalsXlsx(withLetterhead(i)),
  decision: async (i) => (await import("@thidua/documents/docx/decision")).decisionDocx(withLetterhead(i)),
};

/** The file's bytes. */
function drawDocument(job: DocumentContent): Promise<Uint8Array> {
  // Each drawer takes its own kind's input: the union narrows per kind, which TypeScript cannot follow here.
  const draw = drawers[job.kind] as (input: DocumentContent["input"]) => Promise<Uint8Array>;
  return draw(job.input);
}

export const renderInProcess: DocumentRenderer = async (job: DocumentJob) => {
  const bytes = await drawDocument(job);
  await storeDocument(job.tenantId, job.key, { bytes, contentType: job.contentType });
  return { size: bytes.byteLength };
};

type Previewer<K extends DocumentContent["kind"]> = (
  previews: typeof import("@thidua/documents/html/previews"),
  input: Extract<DocumentContent, { kind: K }>["input"],
) => string;

/** Each kind's preview, from the same content (Word) or workbook (Excel) as its file. */
const previewers: { [K in DocumentContent["kind"]]: Previewer<K> } = {
  covenant: (p, i) => p.covenantHtml(withLetterhead(i)),
  registration: (p, i) => p.registrationHtml(withClosing(i)),
  midYearReport: (p, i) => p.midYearReportHtml(withLetterhead(i)),
  scores: (p, i) => p.scoresHtml(withClosing(i)),
  minutes: (p, i) => p.minutesHtml(withLetterhead(i)),
  yearEndReport: (p, i) => p.yearEndReportHtml(withLetterhead(i)),
  proposal: (p, i) => p.proposalMemoHtml(withLetterhead(i)),
  proposalList: (p, i) => p.proposalListHtml(withLetterhead(i)),
  decision: (p, i) => p.decisionHtml(withLetterhead(i)),
};

export const previewInProcess: DocumentPreviewer = async (content) => {
  const previews = await import("@thidua/documents/html/previews");
  const preview = previewers[content.kind] as (p: typeof previews, input: DocumentContent["input"]) => string;
  return preview(previews, content.input);
};
