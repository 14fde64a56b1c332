import { freshTenant } from "@thidua/test/support";
import { describe, expect, it } from "vitest";
import { as, launchedYear, pastRegistration, rankedYear, verificationYear, type Year } from "./cycle.fixture.ts";
import { documents, documentXml, download, firstSheet, setLetterhead, tableRows } from "./documents.fixture.ts";

const ballots = (y: Year) => `${y.path}/ballots`;

/** Opens the leading-unit vote, every member votes for the second unit, all present, closed: 3 votes to 0. */
async function closedBallot(y: Year) {
  const { body: ballot } = await as(y.officer(y.leader), ballots(y), "POST", {
    kind: "leading_unit",
    candidates: y.units,
  });
  for (const u of y.units)
    await as(y.officer(u), `${ballots(y)}/${ballot.ballotId}/votes`, "POST", { unitId: u, choices: [y.second] });
  await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/presence`, "PUT", { present: y.units, version: 1 });
  const closed = await as(y.officer(y.leader), `${ballots(y)}/${ballot.ballotId}/close`, "POST", { version: 2 });
  expect(closed.status).toBe(200);
  return closed.body;
}

describe("documents", () => {
  it("refuses the minutes before a closed ballot, naming the step; then hands out the Word file with the count", async () => {
    const y = await rankedYear();
    const early = await as(y.board, documents(y), "POST", { kind: "minutes" });
    expect([early.status, early.body.error.code, early.body.error.fields]).toEqual([
      409,
      "document.not_ready",
      [{ path: "kind", message: "document.no_closed_ballot" }],
    ]);

    const ballot = await closedBallot(y);
    // Not before the board has set the province's letterhead: no document goes out under a made-up header.
    const headless = await as(y.officer(y.third), documents(y), "POST", { kind: "minutes" });
    expect([headless.status, headless.body.error.code]).toEqual([409, "document.no_letterhead"]);
    await setLetterhead(y);
    const made = await as(y.officer(y.third), documents(y), "POST", { kind: "minutes" });
    expect([made.status, made.body]).toMatchObject([
      201,
      {
        kind: "minutes",
        fileName: "Bien-ban-kiem-phieu-2025.docx",
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      },
    ]);
    // Stored under the province's documents prefix, downloaded under a readable name.
    expect(decodeURIComponent(new URL(made.body.url).pathname)).toContain(
      `/T/${y.tenantId}/documents/${y.bloc.blocId}/2025/minutes-`,
    );
    const { res, bytes } = await download(made.body.url);
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''Bien-ban-kiem-phieu-2025.docx");
    expect(bytes.byteLength).toBe(made.body.size);

    const xml = documentXml(bytes);
    const names: Record<string, string> = {
      [y.leader]: "Văn phòng Tỉnh ủy",
      [y.second]: "Ban Tuyên giáo",
      [y.third]: "Báo Ninh Thuận",
    };
    const counted = Object.fromEntries(
      tableRows(xml)
        .filter((row) => Object.values(names).includes(row[1] ?? ""))
        .map((row) => [row[1], Number(row[2])]),
    );
    const expected = Object.fromEntries(
      Object.entries(ballot.count.votes as Record<string, number>).map(([unitId, votes]) => [names[unitId], votes]),
    );
    expect(counted).toEqual(expected);
    expect(counted["Ban Tuyên giáo"]).toBe(3);
    expect(xml).toContain("Khối các cơ quan Đảng");
    expect(xml).toContain("UBND TỈNH NINH THUẬN");
  });

  it("refuses the score table before the year is ranked, then hands out the Excel file in ranking order with formulas", async () => {
    const early = await verificationYear();
    const refused = await as(early.board, documents(early), "POST", { kind: "scores" });
    expect([refused.status, refused.body.error.code, refused.body.error.fields]).toEqual([
      409,
      "document.not_ready",
      [{ path: "kind", message: "document.not_ranked" }],
    ]);

    const y = await rankedYear();
    await setLetterhead(y);
    const made = await as(y.officer(y.leader), documents(y), "POST", { kind: "scores" });
    expect([made.status, made.body.fileName]).toEqual([201, "Bang-tong-hop-diem-2025.xlsx"]);
    const { bytes } = await download(made.body.url);
    const ws = await firstSheet(bytes);
    const { body: ranking } = await as(y.board, `${y.path}/ranking`);
    const unitNames = (await as(y.board, "/api/units")).body.items as { unitId: string; name: string }[];
    const nameOf = (id: string) => unitNames.find((u) => u.unitId === id)?.name;
    const header = (ws.getRow(5).values as unknown[]).filter((v) => typeof v === "string") as string[];
    expect(header.slice(-3)).toEqual(ranking.entries.map((e: { unitId: string }) => nameOf(e.unitId)));
    const formulas: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
      }),
    );
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.some((f) => f.includes("SUM") || f.includes("+"))).toBe(true);
  });

  it("refuses the registration list and the covenant until every member has registered and signed, then hands them out", async () => {
    const y = await launchedYear();
    await setLetterhead(y);
    const early = await as(y.board, documents(y), "POST", { kind: "covenant" });
    expect([early.status, early.body.error.fields]).toEqual([
      409,
      [{ path: "kind", message: "document.covenant_unsigned" }],
    ]);
    const noList = await as(y.board, documents(y), "POST", { kind: "registration" });
    expect([noList.status, noList.body.error.fields]).toEqual([
      409,
      [{ path: "kind", message: "document.registration_missing" }],
    ]);

    await pastRegistration(y);
    const made = await as(y.officer(y.second), documents(y), "POST", { kind: "covenant" });
    expect([made.status, made.body.fileName]).toEqual([201, "Ban-giao-uoc-thi-dua-2025.docx"]);
    const { bytes } = await download(made.body.url);
    const xml = documentXml(bytes);
    const registered = tableRows(xml).filter((row) => row.length === 4 && row[2]?.includes("Hoàn thành 100%"));
    expect(registered.map((row) => row[1])).toEqual(["Văn phòng Tỉnh ủy", "Ban Tuyên giáo", "Báo Ninh Thuận"]);
    expect(registered[0]?.[2]).toBe("- Hoàn thành 100% nhiệm vụ được giao- Không có cán bộ vi phạm kỷ luật");
    expect(xml).toContain("BẢN GIAO ƯỚC THI ĐUA");
    expect(xml).toContain("UBND TỈNH NINH THUẬN");

    const list = await as(y.officer(y.third), documents(y), "POST", { kind: "registration" });
    expect([list.status, list.body.fileName]).toEqual([201, "Danh-sach-dang-ky-thi-dua-2025.xlsx"]);
    const ws = await firstSheet((await download(list.body.url)).bytes);
    const rows = [5, 6, 7].map((r) => [ws.getCell(r, 2).value, ws.getCell(r, 4).value]);
    expect(rows).toEqual([
      ["Văn phòng Tỉnh ủy", 2],
      ["Ban Tuyên giáo", 2],
      ["Báo Ninh Thuận", 2],
    ]);
    expect(ws.getCell(9, 4).value).toEqual({ formula: "SUM(D5:D7)", result: 6 });
  });

  it("answers 404 for another province's bloc and for a unit outside the year", async () => {
    const y = await rankedYear();
    await closedBallot(y);
    const other = await freshTenant();
    const foreign = await as(other.board, documents(y), "POST", { kind: "minutes" });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, "bloc.not_found"]);
    const { body: outsider } = await as(y.board, "/api/units", "POST", { name: "Sở Tài chính", kind: "party_agency" });
    const notMember = await as(y.actor("unit", outsider.unitId), documents(y), "POST", { kind: "minutes" });
    expect([notMember.status, notMember.body.error.code]).toEqual([404, "bloc.not_found"]);
  });

  it("previews a document as a page without script, with the same refusals as the file, for the year's readers only", async () => {
    const y = await rankedYear();
    await setLetterhead(y);
    const preview = (kind: string, actor = y.board) => as(actor, `${documents(y)}/preview`, "POST", { kind });
    const early = await preview("minutes");
    expect([early.status, early.body.error.fields]).toEqual([
      409,
      [{ path: "kind", message: "document.no_closed_ballot" }],
    ]);
    await closedBallot(y);
    const minutes = await preview("minutes", y.officer(y.third));
    expect([minutes.status, minutes.body.kind, minutes.body.fileName]).toEqual([
      200,
      "minutes",
      "Bien-ban-kiem-phieu-2025.docx",
    ]);
    expect(minutes.body.html).toMatch(/^<!doctype html><html lang="vi">/);
    expect(minutes.body.html).toContain("BIÊN BẢN");
    expect(minutes.body.html).toContain("Ban Tuyên giáo");
    expect(minutes.body.html).not.toContain("<script");
    // A sheet is drawn from its workbook: the verified totals with a decimal comma.
    const scores = await preview("scores");
    const { body: ranking } = await as(y.board, `${y.path}/ranking`);
    const total = ranking.entries[0].total as number;
    expect(scores.body.html).toContain(total.toFixed(2).replace(".", ","));
    const other = await freshTenant();
    expect((await preview("minutes", other.board)).status).toBe(404);
  });

  it("refuses a kind it does not draw", async () => {
    const y = await rankedYear();
    const wrong = await as(y.board, documents(y), "POST", { kind: "certificate" });
    expect(wrong.status).toBe(400);
  });
});
