import { z } from "zod";
import type { MinutesRound } from "../ballot/minutes.rules.ts";
import type { CriteriaTable } from "../criteria/criteria.rules.ts";
import type { Letterhead } from "./letterhead.rules.ts";

/*
 * The documents a bloc-year hands out as files: the covenant, the mid-year report, the draft year-end
 * report, the vote-count minutes, the proposal memo and the award decision (Word); the registration list,
 * the score table and the proposal list (Excel).
 * Core gathers what they say as plain data; a renderer outside core (`@thidua/documents`, in its own
 * function on AWS) draws and stores them, so the domain never depends on the document generators.
 */

export const documentKinds = [
  "covenant",
  "registration",
  "midYearReport",
  "scores",
  "minutes",
  "yearEndReport",
  "proposal",
  "proposalList",
  "decision",
] as const;
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
const sheets: readonly DocumentKind[] = ["registration", "scores", "proposalList"];
const formatOf = (kind: DocumentKind) => (sheets.includes(kind) ? "xlsx" : "docx");
export const documentExtensions = Object.fromEntries(documentKinds.map((k) => [k, formatOf(k)])) as Readonly<
  Record<DocumentKind, "docx" | "xlsx">
>;
export const documentContentTypes = Object.fromEntries(
  documentKinds.map((k) => [k, formatOf(k) === "xlsx" ? EXCEL : WORD]),
) as Readonly<Record<DocumentKind, string>>;
const fileStems: Readonly<Record<DocumentKind, string>> = {
  covenant: "Ban-giao-uoc-thi-dua",
  registration: "Danh-sach-dang-ky-thi-dua",
  midYearReport: "Bao-cao-so-ket",
  scores: "Bang-tong-hop-diem",
  minutes: "Bien-ban-kiem-phieu",
  yearEndReport: "Du-thao-bao-cao-tong-ket",
  proposal: "To-trinh-de-nghi-khen-thuong",
  proposalList: "Danh-sach-de-nghi-khen-thuong",
  decision: "Quyet-dinh-khen-thuong",
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

/** A proposal as the memo, its list and the year-end report show it (`ProposedAward` of `@thidua/documents`). */
export interface ProposedAwardData {
  unit: string;
  award: string;
  vote?: { for: number; of: number };
  score?: { total: number; rank: number | null };
  note?: string;
}

/** What the proposal memo and its list say (`ProposalMemoInput` of `@thidua/documents`). */
export interface ProposalData {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  proposals: ProposedAwardData[];
  date: DocumentDate;
  conference?: DocumentDate;
  leader: string;
}

/** What the award decision says (`DecisionInput` of `@thidua/documents`). */
export interface DecisionData {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  decision: { number: string; date: DocumentDate; signer: string };
  awards: { unit: string; award: string }[];
}

/** What both reports open with (`@thidua/documents`' report inputs). */
interface ReportData {
  letterhead: Letterhead;
  bloc: string;
  year: number;
  theme?: string;
  members: string[];
  leader: string;
  deputies: string[];
  covenant?: DocumentDate;
  date: DocumentDate;
}

export interface MidYearReportData extends ReportData {
  summary: string;
  deadlines: { scoring?: DocumentDate; verification?: DocumentDate };
}

export interface YearEndReportData extends ReportData {
  midYear?: DocumentDate;
  ranking: { unit: string; total: number; rank: number | null }[];
  proposals: ProposedAwardData[];
  next?: { leader?: string; deputies: string[] };
}

export type DocumentContent =
  | { kind: "minutes"; input: MinutesData }
  | { kind: "scores"; input: ScoresData }
  | { kind: "covenant"; input: CovenantData }
  | { kind: "registration"; input: RegistrationData }
  | { kind: "midYearReport"; input: MidYearReportData }
  | { kind: "yearEndReport"; input: YearEndReportData }
  | { kind: "proposal"; input: ProposalData }
  | { kind: "proposalList"; input: ProposalData }
  | { kind: "decision"; input: DecisionData };

/** One file to draw and store: where (a key of the province's documents) and what. */
export type DocumentJob = DocumentContent & { tenantId: string; key: string; contentType: string };

/** Draws the file and stores it at the job's key; answers its size in bytes. */
export type DocumentRenderer = (job: DocumentJob) => Promise<{ size: number }>;

/** Draws the document as a self-contained HTML page, for the dashboard's preview; stores nothing. */
export type DocumentPreviewer = (content: DocumentContent) => Promise<string>;

export const DocumentPreview = z
  .object({
    kind: DocumentKind,
    /** The name the file would download under. */
    fileName: z.string(),
    /** A self-contained HTML page (its own styles, no script): the document as it will print. */
    html: z.string(),
  })
  .meta({ id: "DocumentPreview" });
export type DocumentPreview = z.infer<typeof DocumentPreview>;
