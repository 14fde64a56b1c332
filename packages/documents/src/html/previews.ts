import { type CovenantInput, covenantContent } from "../content/covenant.ts";
import { type DecisionInput, decisionContent } from "../content/decision.ts";
import { type MinutesInput, minutesContent } from "../content/minutes.ts";
import { type ProposalMemoInput, proposalMemoContent } from "../content/proposal.ts";
import {
  type MidYearReportInput,
  midYearReportContent,
  type YearEndReportInput,
  yearEndReportContent,
} from "../content/report.ts";
import { proposalsWorkbook } from "../xlsx/proposals.ts";
import { type RegistrationListInput, registrationWorkbook } from "../xlsx/registration.ts";
import { type ScoreTableInput, scoreWorkbook } from "../xlsx/scores.ts";
import { renderHtml } from "./frame.ts";
import { sheetHtml } from "./sheet.ts";

/*
 * Each document as an HTML page for the dashboard's preview, drawn from the same content (Word) or the
 * same workbook (Excel) as the file, so the preview shows what will print.
 */

export const covenantHtml = (input: CovenantInput) => renderHtml(covenantContent(input));
export const midYearReportHtml = (input: MidYearReportInput) => renderHtml(midYearReportContent(input));
export const minutesHtml = (input: MinutesInput) => renderHtml(minutesContent(input));
export const yearEndReportHtml = (input: YearEndReportInput) => renderHtml(yearEndReportContent(input));
export const proposalMemoHtml = (input: ProposalMemoInput) => renderHtml(proposalMemoContent(input));
export const decisionHtml = (input: DecisionInput) => renderHtml(decisionContent(input));

/** A workbook's first sheet as a page, titled as the workbook. */
const firstSheetHtml = (wb: { title: string; worksheets: Parameters<typeof sheetHtml>[0][] }) => {
  const [ws] = wb.worksheets;
  if (!ws) throw new Error("A workbook without a sheet");
  return sheetHtml(ws, wb.title);
};
export const registrationHtml = (input: RegistrationListInput) => firstSheetHtml(registrationWorkbook(input));
export const scoresHtml = (input: ScoreTableInput) => firstSheetHtml(scoreWorkbook(input));
export const proposalListHtml = (input: ProposalMemoInput) => firstSheetHtml(proposalsWorkbook(input));
