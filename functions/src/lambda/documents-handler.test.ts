import { randomUUID } from "node:crypto";
import type { DocumentContent } from "@thidua/core/document/rules";
import { expect, inject, it, vi } from "vitest";

const content: DocumentContent = {
  kind: "decision",
  input: {
    letterhead: {
      issuer: { parent: "UBND TỈNH NINH THUẬN", body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" },
      place: "Ninh Thuận",
      signer: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH" },
      numbers: {},
    },
    bloc: "Khối các cơ quan Đảng",
    year: 2025,
    decision: { number: "125/QĐ-UBND", date: { year: 2026, month: 1, day: 20 }, signer: "Nguyễn Văn An" },
    awards: [{ unit: "Ban Tuyên giáo", award: "Cờ thi đua của UBND tỉnh" }],
  },
};

it("the Lambda entry answers { preview } with the page and stores a job's file (the run's S3 server)", async () => {
  vi.stubEnv("FILES_BUCKET", inject("filesBucket"));
  vi.stubEnv("S3_ENDPOINT", inject("s3Endpoint"));
  vi.stubEnv("AWS_REGION", "local");
  const { handler } = await import("./documents.ts");

  const page = await handler({ preview: content });
  expect("html" in page && page.html).toContain("Số: 125/QĐ-UBND");

  const tenantId = `doc-${randomUUID().slice(0, 8)}`;
  const key = `T/${tenantId}/documents/b/2025/decision-1.docx`;
  const contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const stored = await handler({ ...content, tenantId, key, contentType });
  const size = "size" in stored ? stored.size : 0;
  expect(size).toBeGreaterThan(1000);
  // The local S3 server answers a path-style GET without signature checks.
  const object = await fetch(`${inject("s3Endpoint")}/${inject("filesBucket")}/${key}`);
  expect([object.status, Number(object.headers.get("content-length")), object.headers.get("content-type")]).toEqual([
    200,
    size,
    contentType,
  ]);
});
