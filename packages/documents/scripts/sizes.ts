import { performance } from "node:perf_hooks";
import {
  covenantInput,
  decisionInput,
  midYearInput,
  minutesInput,
  proposalInput,
  registrationInput,
  scoreInput,
  yearEndInput,
} from "../src/demo/ninh-thuan.ts";
import { covenantDocx } from "../src/docx/covenant.ts";
import { decisionDocx } from "../src/docx/decision.ts";
import { minutesDocx } from "../src/docx/minutes.ts";
import { proposalMemoDocx } from "../src/docx/proposal.ts";
import { midYearReportDocx, yearEndReportDocx } from "../src/docx/reports.ts";
import { minutesHtml } from "../src/html/previews.ts";
import { proposalsXlsx } from "../src/xlsx/proposals.ts";
import { registrationXlsx } from "../src/xlsx/registration.ts";
import { scoresXlsx } from "../src/xlsx/scores.ts";

/**
 * Size and generation time of each document for the demo data (Ninh Thuận, 8 units, 2023): a measure for
 * the documents function's budget, not a test. `npx tsx packages/documents/scripts/sizes.ts`.
 */

const documents: [string, () => Promise<Uint8Array | string>][] = [
  ["Bản giao ước thi đua (.docx)", () => covenantDocx(covenantInput)],
  ["Danh sách đăng ký (.xlsx)", () => registrationXlsx(registrationInput)],
  ["Báo cáo sơ kết (.docx)", () => midYearReportDocx(midYearInput)],
  ["Biên bản kiểm phiếu (.docx)", () => minutesDocx(minutesInput)],
  ["Bảng tổng hợp điểm (.xlsx)", () => scoresXlsx(scoreInput)],
  ["Dự thảo báo cáo tổng kết (.docx)", () => yearEndReportDocx(yearEndInput)],
  ["Tờ trình đề nghị (.docx)", () => proposalMemoDocx(proposalInput)],
  ["Danh sách đề nghị (.xlsx)", () => proposalsXlsx(proposalInput)],
  ["Quyết định khen thưởng (.docx)", () => decisionDocx(decisionInput)],
  ["Biên bản kiểm phiếu (HTML)", async () => minutesHtml(minutesInput)],
];

const RUNS = 20;
for (const [name, generate] of documents) {
  // The first run loads the libraries' code paths: timed apart from the warm runs.
  let start = performance.now();
  const first = await generate();
  const cold = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < RUNS; i++) await generate();
  const warm = (performance.now() - start) / RUNS;
  const bytes = typeof first === "string" ? new TextEncoder().encode(first).length : first.length;
  console.log(
    `${name.padEnd(34)} ${(bytes / 1024).toFixed(1).padStart(6)} KB  first ${cold.toFixed(0).padStart(4)} ms  then ${warm.toFixed(1).padStart(5)} ms`,
  );
}
