import {
  type MidYearReportInput,
  midYearReportContent,
  type YearEndReportInput,
  yearEndReportContent,
} from "../content/report.ts";
import { renderDocx } from "./frame.ts";

/** The mid-year report (báo cáo sơ kết) as a .docx file. */
export const midYearReportDocx = (input: MidYearReportInput): Promise<Uint8Array> =>
  renderDocx(midYearReportContent(input));

/** The draft year-end report (dự thảo báo cáo tổng kết) as a .docx file. */
export const yearEndReportDocx = (input: YearEndReportInput): Promise<Uint8Array> =>
  renderDocx(yearEndReportContent(input));

export type { MidYearReportInput, YearEndReportInput };
