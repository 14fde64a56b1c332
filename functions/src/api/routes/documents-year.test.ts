import { describe, expect, it } from "vitest";
import { as, launchedYear, rankedYear, type Year } from "./cycle.fixture.ts";
import {
  documentXml,
  firstSheet,
  made,
  paragraphTexts,
  refused,
  setLetterhead,
  tableRows,
} from "./documents.fixture.ts";

/* The documents of the year's second half: the reports, the proposal memo and its list, the award decision. */

const proposals = (y: Year) => `${y.path}/proposals`;
const names = (y: Year): Record<string, string> => ({
  [y.leader]: "Văn phòng Tỉnh ủy",
  [y.second]: "Ban Tuyên giáo",
  [y.third]: "Báo Ninh Thuận",
});

/** The leader closes an award ballot for the provincial flag (2 votes to 1 for the second unit) and proposes it. */
async function proposedFlag(y: Year) {
  const { body: ballot } = await as(y.officer(y.leader), `${y.path}/ballots`, "POST", {
    kind: "award",
    awardTypeId: "provincial-flag",
    candidates: [y.second, y.third],
  });
  const votes = { [y.leader]: y.second, [y.second]: y.third, [y.third]: y.second };
  for (const u of y.units)
    await as(y.officer(u), `${y.path}/ballots/${ballot.ballotId}/votes`, "POST", { unitId: u, choices: [votes[u]] });
  await as(y.officer(y.leader), `${y.path}/ballots/${ballot.ballotId}/presence`, "PUT", {
    present: y.units,
    version: 1,
  });
  expect(
    (await as(y.officer(y.leader), `${y.path}/ballots/${ballot.ballotId}/close`, "POST", { version: 2 })).status,
  ).toBe(200);
  const proposal = await as(y.officer(y.leader), proposals(y), "POST", {
    unitId: y.second,
    awardTypeId: "provincial-flag",
    ballotId: ballot.ballotId,
    note: "Dẫn đầu phong trào thi đua của Khối",
  });
  expect(proposal.status).toBe(201);
  return proposal.body;
}

describe("the year's reports", () => {
  it("refuses the mid-year report before the summary is published and the year-end draft before ranking", async () => {
    const y = await launchedYear();
    await setLetterhead(y);
    await refused(y, "midYearReport", "document.no_mid_year_summary");
    await refused(y, "yearEndReport", "document.not_ranked");
  });

  it("hands out the mid-year report with the published summary, and the year-end draft with the ranking", async () => {
    const y = await rankedYear();
    await setLetterhead(y);
    const midYear = paragraphTexts(
      documentXml(await made(y, "midYearReport", "Bao-cao-so-ket-2025.docx", y.officer(y.third))),
    );
    expect(midYear).toContain("Sơ kết công tác thi đua sáu tháng đầu năm 2025");
    expect(midYear).toContain("Sơ kết 6 tháng");
    expect(midYear.some((t) => t.includes("Văn phòng Tỉnh ủy làm Khối trưởng, Ban Tuyên giáo làm Khối phó"))).toBe(
      true,
    );

    const xml = documentXml(await made(y, "yearEndReport", "Du-thao-bao-cao-tong-ket-2025.docx"));
    expect(paragraphTexts(xml)).toContain("DỰ THẢO");
    const { body: ranking } = await as(y.board, `${y.path}/ranking`);
    const ranked = tableRows(xml).filter((r) => r.length === 4 && Object.values(names(y)).includes(r[1] ?? ""));
    expect(ranked.map((r) => [r[1], r[3]])).toEqual(
      ranking.entries.map((e: { unitId: string; rank: number }) => [names(y)[e.unitId], String(e.rank)]),
    );
    expect(paragraphTexts(xml)).toContain("Khối chưa có đề nghị khen thưởng.");
  });
});

describe("the proposal memo, its list and the award decision", () => {
  it("refuses the memo without a proposal standing and the decision before an approval, then hands them out", async () => {
    const y = await rankedYear();
    await setLetterhead(y);
    await refused(y, "proposal", "document.no_proposal");
    await refused(y, "proposalList", "document.no_proposal");
    await refused(y, "decision", "document.not_approved");

    const proposal = await proposedFlag(y);
    const memo = documentXml(await made(y, "proposal", "To-trinh-de-nghi-khen-thuong-2025.docx", y.officer(y.leader)));
    const row = tableRows(memo).find((r) => r[1] === "Ban Tuyên giáo");
    expect(row?.slice(2, 4)).toEqual(["Cờ thi đua của UBND tỉnh", "2/3 phiếu (66,67%)"]);
    expect(paragraphTexts(memo)).toContain("Ban Tuyên giáo: Dẫn đầu phong trào thi đua của Khối");

    const ws = await firstSheet(await made(y, "proposalList", "Danh-sach-de-nghi-khen-thuong-2025.xlsx"));
    const { body: ranking } = await as(y.board, `${y.path}/ranking`);
    const entry = ranking.entries.find((e: { unitId: string }) => e.unitId === y.second);
    expect(ws.getCell(6, 6).value).toMatchObject({ formula: 'IF(E6>0,D6/E6,"")' });
    expect([ws.getCell(6, 7).value, ws.getCell(6, 8).value]).toEqual([entry.total, entry.rank]);
    expect([ws.getCell(6, 2).value, ws.getCell(6, 4).value, ws.getCell(6, 5).value]).toEqual(["Ban Tuyên giáo", 2, 3]);
    expect(ws.getCell(7, 4).value).toEqual({ formula: "COUNTA(B6:B6)", result: 1 });

    // Still no decision while the proposal waits; once approved, the decision carries the board's record.
    await refused(y, "decision", "document.not_approved");
    const approved = await as(y.board, `${proposals(y)}/provincial-flag/${y.second}/decision`, "POST", {
      outcome: "approve",
      decisionNumber: "125/QĐ-UBND",
      decisionDate: "2026-01-20",
      signer: "Nguyễn Văn An",
      version: proposal.version,
    });
    expect(approved.status).toBe(200);
    const decision = documentXml(await made(y, "decision", "Quyet-dinh-khen-thuong-2025.docx", y.officer(y.second)));
    const texts = paragraphTexts(decision);
    expect(texts).toContain("Số: 125/QĐ-UBND");
    expect(texts).toContain("Ninh Thuận, ngày 20 tháng 01 năm 2026");
    expect(texts).toContain("Nguyễn Văn An");
    expect(tableRows(decision).filter((r) => r[0] === "1")).toEqual([
      ["1", "Ban Tuyên giáo", "Cờ thi đua của UBND tỉnh"],
    ]);
  });
});
