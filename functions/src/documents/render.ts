import type { DocumentJob, DocumentRenderer } from "@thidua/core/document/rules";
import { storeDocument } from "@thidua/core/files";
import { covenantDocx } from "@thidua/documents/docx/covenant";
import { minutesDocx } from "@thidua/documents/docx/minutes";
import { type Letterhead, Letterhead as LetterheadSchema } from "@thidua/documents/letterhead";
import { registrationXlsx } from "@thidua/documents/xlsx/registration";
import { scoresXlsx } from "@thidua/documents/xlsx/scores";

/*
 * The in-process renderer: draws a document with `@thidua/documents` and stores it at the job's key. On
 * AWS it runs in the documents function (lambda/documents.ts), which the API invokes; locally and in
 * tests the app calls it directly. The API's own entry never imports this module, so its bundle stays
 * without the Word and Excel generators.
 */

const letterheadOf = (l: unknown): Letterhead => LetterheadSchema.parse(l);

/** The file's bytes. */
export async function drawDocument(job: DocumentJob): Promise<Uint8Array> {
  switch (job.kind) {
    case "minutes":
      return minutesDocx({ ...job.input, letterhead: letterheadOf(job.input.letterhead) });
    case "covenant":
      return covenantDocx({ ...job.input, letterhead: letterheadOf(job.input.letterhead) });
    case "registration": {
      const { closing, ...rest } = job.input;
      return registrationXlsx({ ...rest, closing: { ...closing, letterhead: letterheadOf(closing.letterhead) } });
    }
    case "scores": {
      const { closing, ...rest } = job.input;
      return scoresXlsx({ ...rest, closing: { ...closing, letterhead: letterheadOf(closing.letterhead) } });
    }
  }
}

export const renderInProcess: DocumentRenderer = async (job) => {
  const bytes = await drawDocument(job);
  await storeDocument(job.tenantId, job.key, { bytes, contentType: job.contentType });
  return { size: bytes.byteLength };
};
