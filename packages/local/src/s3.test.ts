import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startS3 } from "./s3.ts";

const directory = mkdtempSync(join(tmpdir(), "thidua-s3-test-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// The server takes unsigned requests, which keeps these tests to what startS3 sets up.
describe("the local S3-compatible server", () => {
  it("serves the files bucket on a free loopback port and keeps objects in its directory across restarts", async () => {
    const first = await startS3({ directory, bucket: "files-test" });
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const put = await fetch(`${first.endpoint}/files-test/T/an-giang/a.txt`, { method: "PUT", body: "xin chào" });
    expect(put.status).toBe(200);
    await first.stop();
    await first.stop(); // stopping twice is harmless

    const second = await startS3({ directory, bucket: "files-test" });
    const got = await fetch(`${second.endpoint}/files-test/T/an-giang/a.txt`);
    expect(await got.text()).toBe("xin chào");
    await second.stop();
  });

  it("lets the dashboard's origin PUT with the signed headers (CORS preflight)", async () => {
    const s3 = await startS3();
    try {
      const res = await fetch(`${s3.endpoint}/${s3.bucket}/T/an-giang/evidence/f`, {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:3000",
          "access-control-request-method": "PUT",
          "access-control-request-headers": "content-type,if-none-match",
        },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")).toContain("PUT");
      expect(res.headers.get("access-control-allow-headers")).toBe("content-type, if-none-match");
    } finally {
      await s3.stop();
    }
  });
});
