import { EVIDENCE_MAX_BYTES } from "@thidua/core/files/rules";
import { describe, expect, it } from "vitest";
import { contentTypeOf, evidenceProblem, fileSize } from "./evidenceCheck.ts";

describe("evidence files before upload", () => {
  it("takes PDF, images, Word and Excel, by the browser's type or else by the extension", () => {
    expect(contentTypeOf({ name: "bao-cao.pdf", type: "application/pdf", size: 10 })).toBe("application/pdf");
    expect(contentTypeOf({ name: "Bảng điểm.XLSX", type: "", size: 10 })).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(contentTypeOf({ name: "anh.JPG", type: "", size: 10 })).toBe("image/jpeg");
    expect(contentTypeOf({ name: "pdf", type: "", size: 10 })).toBeUndefined();
  });

  it("says why a file cannot be sent: empty, over the limit, or another kind", () => {
    expect(evidenceProblem({ name: "a.pdf", type: "application/pdf", size: 0 })).toBe("empty");
    expect(evidenceProblem({ name: "a.pdf", type: "application/pdf", size: EVIDENCE_MAX_BYTES + 1 })).toBe("too_large");
    expect(evidenceProblem({ name: "a.pdf", type: "application/pdf", size: EVIDENCE_MAX_BYTES })).toBeUndefined();
    expect(evidenceProblem({ name: "setup.exe", type: "application/x-msdownload", size: 10 })).toBe("wrong_type");
    expect(evidenceProblem({ name: "ghi-chu.txt", type: "text/plain", size: 10 })).toBe("wrong_type");
  });

  it("writes sizes as people read them", () => {
    expect(fileSize(2_500_000, "vi")).toBe("2,4 MB");
    expect(fileSize(2_500_000, "en")).toBe("2.4 MB");
    expect(fileSize(300, "vi")).toBe("1 KB");
  });
});
