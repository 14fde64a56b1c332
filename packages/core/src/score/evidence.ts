import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../actor.ts";
import { type YearContext, yearContext } from "../cycle/access.ts";
import type { ScoreSheet } from "../cycle/cycle-view.rules.ts";
import { mayRead, savedPart } from "../cycle/participation.ts";
import { commit } from "../db/write.ts";
import { ReadVersion } from "../edit/edit.rules.ts";
import { conflict, invalid, notFound, parseInput, tooLarge } from "../error.ts";
import {
  deleteObject,
  EVIDENCE_MAX_BYTES,
  EvidenceUploadInput,
  evidenceContentTypes,
  evidenceKey,
  inspectUpload,
  presignDownload,
  presignUpload,
} from "../files/index.ts";
import { textField } from "../text/index.ts";
import type { EvidenceFile } from "./score.rules.ts";
import { editableSheet, sheetSaved } from "./sheet.ts";

/** The most files one line carries. */
export const MAX_FILES_PER_LINE = 10;

const LineId = z.string().min(1).max(20);
export const RequestUploadInput = EvidenceUploadInput.extend({ lineId: LineId });
export const AttachInput = z.object({
  lineId: LineId,
  fileName: textField({ min: 1, max: 255 }),
  version: ReadVersion,
});

/** File ids are the API's own (uuids): anything else names no file, and never reaches a key. */
const FileId = z.uuid();

function keyOf(ctx: YearContext, unitId: string, fileId: string) {
  if (!FileId.safeParse(fileId).success) throw notFound("evidence.not_found");
  return evidenceKey(ctx.scope, { blocId: ctx.year.blocId, year: ctx.year.year, unitId, fileId });
}

const tooBig = () =>
  tooLarge("evidence.too_large", `Evidence files are at most ${EVIDENCE_MAX_BYTES} bytes`, [
    { path: "size", message: "evidence.too_large", limit: EVIDENCE_MAX_BYTES },
  ]);

/**
 * A URL to upload one evidence file of the declared type and size straight to the province's storage:
 * over the limit answers 413 and no URL. Nothing is recorded until the file is attached.
 */
export async function requestUpload(actor: Actor, blocId: string, year: number, unitId: string, input: unknown) {
  const { lineId, contentType, size } = parseInput(RequestUploadInput, input);
  const { ctx, sheet } = await editableSheet(actor, blocId, year, unitId, lineId);
  if (size > EVIDENCE_MAX_BYTES) throw tooBig();
  if ((sheet.lines[lineId]?.files.length ?? 0) >= MAX_FILES_PER_LINE)
    throw conflict("evidence.too_many", `At most ${MAX_FILES_PER_LINE} files per line`);
  const fileId = randomUUID();
  return { fileId, upload: await presignUpload(ctx.scope, keyOf(ctx, unitId, fileId), { contentType, size }) };
}

/**
 * Attaches an uploaded file to a line once its bytes are checked: a file over the limit (413) or whose
 * content is not an allowed kind (400) is deleted and nothing is recorded.
 */
export async function attachEvidence(
  actor: Actor,
  blocId: string,
  year: number,
  unitId: string,
  fileId: string,
  input: unknown,
) {
  const { lineId, fileName, version } = parseInput(AttachInput, input);
  const { ctx, phase, sheet } = await editableSheet(actor, blocId, year, unitId, lineId);
  const key = keyOf(ctx, unitId, fileId);
  const found = await inspectUpload(ctx.scope, key);
  if (!found) throw conflict("evidence.not_uploaded", "Upload the file first");
  if (found.size > EVIDENCE_MAX_BYTES) {
    await deleteObject(ctx.scope, key);
    throw tooBig();
  }
  if (!found.kind) {
    await deleteObject(ctx.scope, key);
    throw invalid("evidence.wrong_type", "The file is not a PDF, an image, a Word or an Excel document", [
      { path: "file", message: "evidence.wrong_type" },
    ]);
  }
  const line = sheet.lines[lineId] ?? { points: 0, note: "", links: [], files: [] };
  if (line.files.some((f) => f.fileId === fileId)) throw conflict("cycle.stale", "This file is attached already");
  const file: EvidenceFile = {
    fileId,
    name: fileName,
    size: found.size,
    contentType: evidenceContentTypes[found.kind],
    at: new Date().toISOString(),
  };
  const lines = { ...sheet.lines, [lineId]: { ...line, files: [...line.files, file] } };
  await commit(
    ctx.scope,
    sheetSaved(
      { ctx, phase, unitId, version },
      { ...sheet, lines },
      {
        before: {},
        after: { lines: { [lineId]: { files: [file.name] } } },
      },
    ),
  );
  return savedPart(actor, blocId, year, unitId);
}

/** The file of a member's line, found in the sheet the caller may read (else 404). */
function fileOf(ctx: YearContext, unitId: string, fileId: string) {
  const sheet = ctx.participations.get(unitId)?.scores as ScoreSheet | undefined;
  for (const [lineId, line] of Object.entries(sheet?.lines ?? {})) {
    const file = line.files.find((f) => f.fileId === fileId);
    if (file) return { lineId, file, sheet: sheet as ScoreSheet };
  }
  throw notFound("evidence.not_found");
}

/** A short-lived URL to download an evidence file, for those who may read the member's sheet. */
export async function downloadEvidence(actor: Actor, blocId: string, year: number, unitId: string, fileId: string) {
  const ctx = await yearContext(actor, blocId, year);
  if (!mayRead(ctx, unitId)) throw notFound("evidence.not_found");
  const { file } = fileOf(ctx, unitId, fileId);
  return presignDownload(ctx.scope, keyOf(ctx, unitId, fileId), { fileName: file.name });
}

/** Removes an evidence file from its line (and from storage) while the sheet may still change. */
export async function removeEvidence(
  actor: Actor,
  blocId: string,
  year: number,
  unitId: string,
  fileId: string,
  version: number,
) {
  const { ctx, phase } = await editableSheet(actor, blocId, year, unitId);
  const { lineId, file, sheet } = fileOf(ctx, unitId, fileId);
  const line = sheet.lines[lineId];
  if (!line) throw notFound("evidence.not_found");
  const lines = { ...sheet.lines, [lineId]: { ...line, files: line.files.filter((f) => f.fileId !== fileId) } };
  await commit(
    ctx.scope,
    sheetSaved(
      { ctx, phase, unitId, version },
      { ...sheet, lines },
      {
        before: { lines: { [lineId]: { files: [file.name] } } },
        after: {},
      },
    ),
  );
  // After the record: a failure here leaves an unreferenced object, never a reference to nothing.
  await deleteObject(ctx.scope, keyOf(ctx, unitId, fileId));
  return savedPart(actor, blocId, year, unitId);
}
