import { z } from "zod";
import type { MinutesRound } from "../ballot/minutes.rules.ts";
import type { CriteriaTable } from "../criteria/criteria.rules.ts";
import type { Letterhead } from "./letterhead.rules.ts";

/*
 * The documents a bloc-year hands out as files: the covenant and the vote-count minutes (Word), the
 * registration list and the score table (Excel).
 * Core gathers what they say as plain data; a renderer outside core (`@thidua/documents`, in its own
 * function on AWS) draws and stores them, so the domain never depends on the document generators.
 */

export const documentKinds = ["minutes", "scores", "covenant", "registration"] as const;
export const DocumentKind = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const CreateDocumentInput = z.object({ kind: DocumentKind }).meta({ id: "CreateDocumentInput" });
export type CreateDocumentInput = z.input<typeof CreateDocumentInput>;

export const GeneratedDocument = z
  .object({
    kind: DocumentKind,
    /** The name the browser saves it under: "Bien-ban-kiem-phieu-2025.docx". */
    fileName: z.string(),
    /** A short-lived URL to download the file. */
    url: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: "GeneratedDocument" });
export type GeneratedDocument = z.infer<typeof GeneratedDocument>;

const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const documentContentTypes: Readonly<Record<DocumentKind, string>> = {
  minutes: WORD,
  scores: EXCEL,
  covenant: WORD,
  registration: EXCEL,
};
export const documentExtensions: Readonly<Record<DocumentKind, string>> = {
  minutes: "docx",
  scores: "xlsx",
  covenant: "docx",
  registration: "xlsx",
};
const fileStems: Readonly<Record<DocumentKind, string>> = {
  minutes: "Bien-ban-kiem-phieu",
  scores: "Bang-tong-hop-diem",
  covenant: "Ban-giao-uoc-thi-dua",
  registration: "Danh-sach-dang-ky-thi-dua",
};

/** The saved file's name, without diacritics in the stem so that any system keeps it readable. */
export const documentFileName = (kind: DocumentKind, year: number) =>
  `${fileStems[kind]}-${year}.${documentExtensions[kind]}`;

export interface DocumentDate {
  year: number;
  month?: number;
  day?: number;
}

/** What the minutes say (`MinutesInput` of `@thidua/documents`). */
export interface MinutesData {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  members: number;
  rounds: MinutesRound[];
  units: Record<string, string>;
  awardTypes: Record<string, string>;
  date: DocumentDate;
  leader: { unitId: string; name?: string };
}

/** What the score table says (`ScoreTableInput` of `@thidua/documents`). */
export interface ScoresData {
  bloc: string;
  year: number;
  table: CriteriaTable;
  units: { unitId: string; name: string; rank: number | null }[];
  points: Record<string, Record<string, number>>;
  allowNegative: boolean;
  closing: { letterhead: Letterhead; date: DocumentDate; signer: { title: string; note?: string } };
}

/** What the covenant says (`CovenantInput` of `@thidua/documents`). */
export interface CovenantData {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  theme?: string;
  members: {
    name: string;
    targets: string[];
    aims: string[];
    signed: { byName: string; date: DocumentDate };
  }[];
  date: DocumentDate;
  leader: string;
  deputies: string[];
}

/** What the registration list says (`RegistrationListInput` of `@thidua/documents`). */
export interface RegistrationData {
  bloc: string;
  year: number;
  members: { name: string; targets: string[]; aims: string[]; filed: { byName: string; date: DocumentDate } }[];
  closing: { letterhead: Letterhead; date: DocumentDate; signer: { title: string; note?: string } };
}

export type DocumentContent =
  | { kind: "minutes"; input: MinutesData }
  | { kind: "scores"; input: ScoresData }
  | { kind: "covenant"; input: CovenantData }
  | { kind: "registration"; input: RegistrationData };

/** One file to draw and store: where (a key of the province's documents) and what. */
export type DocumentJob = DocumentContent & { tenantId: string; key: string; contentType: string };

/** Draws the file and stores it at the job's key; answers its size in bytes. */
export type DocumentRenderer = (job: DocumentJob) => Promise<{ size: number }>;
