import { EVIDENCE_MAX_BYTES } from "@thidua/core/files";
import { sampleExe, samplePdf } from "@thidua/core/files/testing";
import { describe, expect, it } from "vitest";
import { as, fullSheet, scoringYear, type Year } from "./cycle.fixture.ts";

/** Asks for an upload URL, PUTs the bytes there as the dashboard does, and attaches the file. */
async function upload(
  y: Year,
  unitId: string,
  bytes: Uint8Array,
  { contentType = "application/pdf", version = 3 } = {},
) {
  const evidence = `${y.member(unitId)}/evidence`;
  const asked = await as(y.officer(unitId), evidence, "POST", {
    lineId: "1.1",
    fileName: "Báo cáo quý IV.pdf",
    contentType,
    size: bytes.byteLength,
  });
  expect(asked.status).toBe(201);
  const { url, method, headers } = asked.body.upload;
  const put = await fetch(url, { method, headers, body: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
  expect(put.status).toBe(200);
  const attached = await as(y.officer(unitId), `${evidence}/${asked.body.fileId}`, "POST", {
    lineId: "1.1",
    fileName: "Báo cáo quý IV.pdf",
    version,
  });
  return { asked, attached, url: new URL(url) };
}

describe("evidence files", () => {
  it("uploads to the province's own prefix, attaches a real PDF, and satisfies the line's required evidence", async () => {
    const y = await scoringYear();
    const { attached, url } = await upload(y, y.second, samplePdf());
    expect(attached.status).toBe(200);
    // The URL names this province's prefix and this member; its signature covers the declared type and size.
    expect(decodeURIComponent(url.pathname)).toContain(`/T/${y.tenantId}/evidence/${y.bloc.blocId}/2025/${y.second}/`);
    expect(url.searchParams.get("X-Amz-SignedHeaders")?.split(";")).toEqual(
      expect.arrayContaining(["content-length", "content-type"]),
    );
    const [file] = attached.body.scores.lines["1.1"].files;
    expect(file).toMatchObject({
      name: "Báo cáo quý IV.pdf",
      contentType: "application/pdf",
      size: samplePdf().byteLength,
    });

    // The line needs no link now: a file is its evidence.
    const { lines } = fullSheet(4);
    const scored = await as(y.officer(y.second), `${y.member(y.second)}/scores`, "PUT", {
      lines: { ...lines, "1.1": { points: 55, note: "Đủ hồ sơ" } },
      version: 4,
    });
    expect(scored.body.scores.lines["1.1"].files).toHaveLength(1);
    expect((await as(y.officer(y.second), `${y.member(y.second)}/scores/submit`, "POST", { version: 5 })).status).toBe(
      200,
    );

    // The member and those who lead download it; another member does not even learn it exists.
    const download = await as(y.officer(y.leader), `${y.member(y.second)}/evidence/${file.fileId}`);
    expect(download.status).toBe(200);
    const got = await fetch(download.body.url);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(samplePdf());
    expect(got.headers.get("content-disposition")).toContain("filename*=UTF-8''B%C3%A1o");
    expect((await as(y.officer(y.third), `${y.member(y.second)}/evidence/${file.fileId}`)).status).toBe(404);
  });

  it("refuses a file over the limit before any URL, and a file whose bytes are not an allowed kind, keeping nothing", async () => {
    const y = await scoringYear();
    const big = await as(y.officer(y.second), `${y.member(y.second)}/evidence`, "POST", {
      lineId: "1.1",
      fileName: "video.pdf",
      contentType: "application/pdf",
      size: EVIDENCE_MAX_BYTES + 1,
    });
    expect([big.status, big.body.error.code, big.body.error.fields[0].limit]).toEqual([
      413,
      "evidence.too_large",
      EVIDENCE_MAX_BYTES,
    ]);

    // A program renamed .pdf: uploaded, then refused on its bytes and deleted.
    const { attached, url } = await upload(y, y.second, sampleExe());
    expect([attached.status, attached.body.error.code]).toEqual([400, "evidence.wrong_type"]);
    expect((await fetch(url)).status).toBe(404);
    const part = (await as(y.officer(y.second), `${y.path}/cycle`)).body.participations[0];
    expect(part.version).toBe(3);

    const unknownLine = await as(y.officer(y.second), `${y.member(y.second)}/evidence`, "POST", {
      lineId: "9.9",
      fileName: "a.pdf",
      contentType: "application/pdf",
      size: 10,
    });
    expect(unknownLine.body.error.fields).toEqual([{ path: "lineId", message: "score.unknown_line" }]);
    const notYours = await as(y.officer(y.third), `${y.member(y.second)}/evidence`, "POST", {
      lineId: "1.1",
      fileName: "a.pdf",
      contentType: "application/pdf",
      size: 10,
    });
    expect(notYours.status).toBe(403);
    const notUploaded = await as(
      y.officer(y.second),
      `${y.member(y.second)}/evidence/0f8fad5b-d9cb-469f-a165-70867728950e`,
      "POST",
      {
        lineId: "1.1",
        fileName: "a.pdf",
        version: 3,
      },
    );
    expect([notUploaded.status, notUploaded.body.error.code]).toEqual([409, "evidence.not_uploaded"]);
    const badId = await as(y.officer(y.second), `${y.member(y.second)}/evidence/..%2F..%2Fx`, "POST", {
      lineId: "1.1",
      fileName: "a.pdf",
      version: 3,
    });
    expect(badId.status).toBe(404);
  });

  it("removes a file from its line and from storage", async () => {
    const y = await scoringYear();
    const { attached, url } = await upload(y, y.second, samplePdf());
    const [file] = attached.body.scores.lines["1.1"].files;
    expect((await fetch(url)).status).toBe(200);
    const removed = await as(y.officer(y.second), `${y.member(y.second)}/evidence/${file.fileId}?version=4`, "DELETE");
    expect([removed.status, removed.body.scores.lines["1.1"].files]).toEqual([200, []]);
    expect((await fetch(url)).status).toBe(404);
  });
});
