import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "../actor.ts";
import { provinceScope } from "../db/scope.ts";
import {
  configureFiles,
  createS3Client,
  deleteObject,
  evidenceKey,
  inspectUpload,
  lazyS3Client,
  presignDownload,
  presignUpload,
} from "./storage.ts";
import { sampleCompound, sampleDocx, samplePdf, samplePng } from "./testing.ts";

/*
 * Against the run's S3-compatible server (test/setup/s3.ts). It does not check signatures, so these tests
 * prove which URLs are issued (host, key, signed headers, expiry) and that bytes round-trip; that S3
 * refuses a tampered URL is AWS's part.
 */

const endpoint = inject("s3Endpoint");
const bucket = inject("filesBucket");
const local = () => ({ bucket, client: lazyS3Client({ region: "local", endpoint }) });
afterEach(() => configureFiles(local()));

const unitOf = (tenantId: string): Actor => ({
  userId: `u-${tenantId}`,
  email: `u@${tenantId}.test`,
  name: "Đơn vị",
  role: "unit",
  tenantId,
  unitId: "bao-tinh",
});
const freshScope = () => provinceScope(unitOf(`t-${randomUUID().slice(0, 8)}`), ["unit"]);
const keyIn = (scope: ReturnType<typeof freshScope>) =>
  evidenceKey(scope, { blocId: "khoi-bao-chi", year: 2025, unitId: "bao-tinh", fileId: randomUUID() });

async function upload(scope: ReturnType<typeof freshScope>, key: string, bytes: Uint8Array, contentType: string) {
  const { url, method, headers } = await presignUpload(scope, key, { contentType, size: bytes.length });
  const res = await fetch(url, { method, headers, body: new Uint8Array(bytes) });
  expect(res.status).toBe(200);
}

describe("evidence keys", () => {
  it("live under the scope's province, bloc, year and unit", () => {
    const scope = provinceScope(unitOf("an-giang"), ["unit"]);
    const key = evidenceKey(scope, { blocId: "khoi-bao-chi", year: 2025, unitId: "bao-an-giang", fileId: "f1" });
    expect(key).toBe("T/an-giang/evidence/khoi-bao-chi/2025/bao-an-giang/f1");
  });

  it.each([
    ["a slash", { fileId: "a/b" }],
    ["a parent segment", { unitId: ".." }],
    ["two dots inside", { fileId: "a..b" }],
    ["an empty part", { blocId: "" }],
    ["a year outside the calendar", { year: 1999 }],
    ["a fractional year", { year: 2025.5 }],
  ])("refuse %s", (_, change) => {
    const parts = { blocId: "khoi-bao-chi", year: 2025, unitId: "bao-tinh", fileId: "f1", ...change };
    expect(() => evidenceKey(freshScope(), parts)).toThrow(/Invalid/);
  });
});

describe("a province's files", () => {
  it("issues an upload URL for the key, signed over type and size, for ten minutes", async () => {
    const scope = freshScope();
    const key = keyIn(scope);
    const upload = await presignUpload(scope, key, { contentType: "application/pdf", size: 1234 });
    const url = new URL(upload.url);
    expect(url.origin).toBe(endpoint);
    expect(url.pathname).toBe(`/${bucket}/${key}`);
    expect(url.pathname).toContain(`/T/${scope.tenantId}/evidence/`);
    const params = url.searchParams;
    expect(params.get("X-Amz-SignedHeaders")?.split(";")).toEqual([
      "content-length",
      "content-type",
      "host",
      "if-none-match",
    ]);
    expect(params.get("X-Amz-Expires")).toBe("600");
    // No checksum of an empty body signed in: it would fail the real upload.
    expect([...params.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
    expect(upload.headers).toEqual({ "content-type": "application/pdf", "if-none-match": "*" });
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeGreaterThan(590_000);
  });

  it("refuses to presign a type or a size evidence may not have", async () => {
    const scope = freshScope();
    const key = keyIn(scope);
    await expect(presignUpload(scope, key, { contentType: "text/html", size: 10 })).rejects.toThrow(/type/);
    await expect(presignUpload(scope, key, { contentType: "application/pdf", size: 0 })).rejects.toThrow(/size/);
    await expect(
      presignUpload(scope, key, { contentType: "application/pdf", size: 20 * 1024 * 1024 + 1 }),
    ).rejects.toThrow(/size/);
  });

  it("round-trips bytes: presigned PUT, then a presigned GET as an attachment under the Vietnamese name", async () => {
    const scope = freshScope();
    const key = keyIn(scope);
    const pdf = samplePdf();
    await upload(scope, key, pdf, "application/pdf");

    const download = await presignDownload(scope, key, { fileName: "Báo cáo tổng kết.pdf" });
    const url = new URL(download.url);
    expect(url.origin).toBe(endpoint);
    expect(url.pathname).toBe(`/${bucket}/${key}`);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    const res = await fetch(download.url);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Bao cao tong ket.pdf"; filename*=UTF-8''${encodeURIComponent("Báo cáo tổng kết.pdf")}`,
    );
  });

  it("inspects what was uploaded by its bytes: a PDF is a PDF, a PNG sent as a PDF is a PNG", async () => {
    const scope = freshScope();
    const pdfKey = keyIn(scope);
    const pngKey = keyIn(scope);
    await upload(scope, pdfKey, samplePdf(), "application/pdf");
    await upload(scope, pngKey, samplePng(), "application/pdf");

    expect(await inspectUpload(scope, pdfKey)).toEqual({
      size: samplePdf().length,
      kind: "pdf",
      contentType: "application/pdf",
    });
    expect(await inspectUpload(scope, pngKey)).toEqual({
      size: samplePng().length,
      kind: "png",
      contentType: "application/pdf",
    });
  });

  it("refuses text and programs, and reads further into large Office files", async () => {
    const scope = freshScope();
    const textKey = keyIn(scope);
    await upload(scope, textKey, new TextEncoder().encode("MZ not really, just text"), "application/pdf");
    expect((await inspectUpload(scope, textKey))?.kind).toBeNull();

    // Each needs a second ranged read: the zip's central directory, the compound file's directory sector.
    const docx = sampleDocx({ descriptors: true, before: [{ name: "word/media/scan.png", data: samplePng() }] });
    const bigDocx = sampleDocx({ before: [{ name: "docProps/thumbnail.bin", data: new Uint8Array(100_000) }] });
    const xls = sampleCompound(["Workbook"], { directorySector: 40 });
    for (const [bytes, kind, type] of [
      [docx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [bigDocx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [xls, "xls", "application/vnd.ms-excel"],
    ] as const) {
      const key = keyIn(scope);
      await upload(scope, key, bytes, type);
      expect(await inspectUpload(scope, key)).toEqual({ size: bytes.length, kind, contentType: type });
    }
  });

  it("answers null for a key nothing was uploaded to, and after a delete", async () => {
    const scope = freshScope();
    const key = keyIn(scope);
    expect(await inspectUpload(scope, key)).toBeNull();
    await upload(scope, key, samplePdf(), "application/pdf");
    await deleteObject(scope, key);
    expect(await inspectUpload(scope, key)).toBeNull();
    await expect(deleteObject(scope, key)).resolves.toBeUndefined();
  });
});

describe("isolation of provinces", () => {
  it("refuses every operation of province B on a key of province A", async () => {
    const a = freshScope();
    const b = freshScope();
    const key = keyIn(a);
    await upload(a, key, samplePdf(), "application/pdf");

    const refused = new RegExp(`outside province ${b.tenantId}`);
    await expect(presignUpload(b, key, { contentType: "application/pdf", size: 10 })).rejects.toThrow(refused);
    await expect(presignDownload(b, key, { fileName: "x.pdf" })).rejects.toThrow(refused);
    await expect(inspectUpload(b, key)).rejects.toThrow(refused);
    await expect(deleteObject(b, key)).rejects.toThrow(refused);
    expect((await inspectUpload(a, key))?.kind).toBe("pdf");
  });

  it("refuses keys that only look like the province's", async () => {
    const scope = freshScope();
    const t = scope.tenantId;
    for (const key of [
      `T/${t}`,
      `T/${t}/`,
      `T/${t}-other/evidence/f`,
      `T/${t}/../other/evidence/f`,
      `T/${t}/evidence//f`,
      `T/${t}/./evidence/f`,
      `t/${t}/evidence/f`,
      `/T/${t}/evidence/f`,
    ]) {
      await expect(presignDownload(scope, key, { fileName: "x.pdf" }), key).rejects.toThrow(/outside province/);
    }
  });

  it("signs with the province's own client when the deployable provides one (tenant credentials on AWS)", async () => {
    const scope = freshScope();
    const asked: string[] = [];
    const other = "http://127.0.0.1:9";
    configureFiles({
      ...local(),
      clientForTenant: (tenantId) => {
        asked.push(tenantId);
        return createS3Client({ region: "local", endpoint: other });
      },
    });
    const { url } = await presignDownload(scope, keyIn(scope), { fileName: "x.pdf" });
    expect(new URL(url).origin).toBe(other);
    expect(asked).toEqual([scope.tenantId]);
  });
});
