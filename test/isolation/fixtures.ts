import { randomUUID } from "node:crypto";
import { inviteAccount } from "@thidua/core/account";
import type { Actor } from "@thidua/core/actor";
import { startExport } from "@thidua/core/archive";
import { createAwardType } from "@thidua/core/award";
import { createBloc, openYear, setMembers } from "@thidua/core/bloc";
import { sampleCriteriaTable, saveCriteria } from "@thidua/core/criteria";
import { fileReport, getCycle, movePhase, register, saveSummary, signCovenant } from "@thidua/core/cycle";
import { samplePdf } from "@thidua/core/files/testing";
import { importTemplate, importUnits } from "@thidua/core/import";
import { attachEvidence, requestUpload } from "@thidua/core/score";
import { updateTenant } from "@thidua/core/tenant";
import { createUnit } from "@thidua/core/unit";
import { freshTenant, operator, testDirectory } from "@thidua/test/support";

/**
 * Data of province A that province B must never reach. Each path parameter of
 * the API names one of A's resources here; a new resource adds its parameter.
 */
export async function isolationFixtures() {
  const a = await freshTenant("iso-a");
  const b = await freshTenant("iso-b");
  const suspended = await freshTenant("iso-s");
  await updateTenant(operator, suspended.tenantId, { status: "suspended", version: 1 });
  const secret = `Bí mật ${randomUUID()}`;
  const unit = await createUnit(a.board, { name: `Sở ${secret}`, kind: "state_agency" });
  const bloc = await createBloc(a.board, { name: `Khối ${secret}`, kind: "bloc" });
  const awardName = `Danh hiệu ${randomUUID()}`;
  const awardType = await createAwardType(a.board, { name: awardName, level: "collective" });
  const criterion = `Tiêu chí ${randomUUID()}`;
  const [first, ...groups] = sampleCriteriaTable.groups;
  if (!first) throw new Error("the sample criteria table has no group");
  const table = { ...sampleCriteriaTable, groups: [{ ...first, title: criterion }, ...groups] };
  const criteria = await saveCriteria(a.board, bloc.blocId, { table, baseVersion: 0 });
  // A launched 2025 with the unit as a member, whose registration names the secret: for the year's routes.
  await setMembers(a.board, bloc.blocId, 2025, { unitIds: [unit.unitId], version: 0 });
  await openYear(a.board, bloc.blocId, 2025, { version: 1 });
  await register(a.board, bloc.blocId, 2025, unit.unitId, { targets: [`Mục tiêu ${secret}`], aims: [], version: 0 });
  const lineId = first.items[0]?.id ?? "";
  const fileId = await yearWithEvidence(a.board, bloc.blocId, unit.unitId, lineId);
  // A small real import (the template's two example rows), for {importId}.
  const file = (await importTemplate(a.board)).toString("base64");
  const imported = await importUnits(a.board, { file, year: 2025 });
  const importId = "importId" in imported ? imported.importId : "";
  // One of A's people, for {userId}: invited, with an address only A's data holds.
  const email = `nguoi.${randomUUID().slice(0, 8)}@${a.tenantId}.test`;
  const { account } = await inviteAccount(
    a.board,
    { email, name: `Người ${secret}`, role: "council" },
    testDirectory(),
  );
  // An export of A, for {jobId}: created and left waiting (running it would scan the run's whole table).
  const { jobId } = await startExport(operator, a.tenantId, async () => {});
  return {
    a,
    b,
    suspended,
    /** Values for each path parameter, all belonging to province A. */
    paramsOfA: {
      tenantId: a.tenantId,
      unitId: unit.unitId,
      blocId: bloc.blocId,
      year: "2025",
      awardTypeId: awardType.awardTypeId,
      version: String(criteria.version),
      importId,
      userId: account.userId,
      lineId,
      fileId,
      // A's year is not ranked, so it has no ballot: the bloc and year already name A's.
      ballotId: "leading_unit-r1",
      jobId,
    } as Record<string, string>,
    /** Strings that appear only in A's data; none may show up in an answer to B. */
    markersOfA: [
      a.tenantId,
      secret,
      unit.unitId,
      bloc.blocId,
      criterion,
      awardName,
      awardType.awardTypeId,
      importId,
      email,
      account.userId,
      fileId,
      jobId,
    ],
  };
}

/** Carries A's year to scoring and attaches a real file to a line: B must never get a URL for it. */
async function yearWithEvidence(board: Actor, blocId: string, unitId: string, lineId: string) {
  const year = 2025;
  const move = async (to: string) => {
    const { year: y } = await getCycle(board, blocId, year);
    await movePhase(board, blocId, year, { to, version: y.version });
  };
  await signCovenant(board, blocId, year, unitId, { version: 1 });
  await move("in_progress");
  await move("mid_year_review");
  await fileReport(board, blocId, year, unitId, { items: ["Báo cáo 6 tháng"], version: 2 });
  const { year: y } = await getCycle(board, blocId, year);
  await saveSummary(board, blocId, year, { text: "Sơ kết", publish: true, version: y.version });
  await move("scoring");
  const pdf = samplePdf();
  const { fileId, upload } = await requestUpload(board, blocId, year, unitId, {
    lineId,
    fileName: "Minh chứng.pdf",
    contentType: "application/pdf",
    size: pdf.byteLength,
  });
  await fetch(upload.url, {
    method: upload.method,
    headers: upload.headers,
    body: new Blob([pdf as Uint8Array<ArrayBuffer>]),
  });
  await attachEvidence(board, blocId, year, unitId, fileId, { lineId, fileName: "Minh chứng.pdf", version: 3 });
  return fileId;
}
