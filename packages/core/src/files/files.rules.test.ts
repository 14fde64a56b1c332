import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  detectKind,
  EVIDENCE_MAX_BYTES,
  EvidenceUploadInput,
  evidenceContentTypes,
  furtherRange,
  kindOfContentType,
  SNIFF_BYTES,
} from "./files.rules.ts";
import {
  sampleCompound,
  sampleDocx,
  sampleExe,
  sampleGif,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleWebp,
  sampleXlsx,
  sampleZip,
} from "./testing.ts";

const text = (s: string) => new TextEncoder().encode(s);

/** What storage.ts does with a file: its first bytes, then the further range they ask for. */
function recognise(file: Uint8Array) {
  const first = file.subarray(0, SNIFF_BYTES);
  const range = furtherRange(first, file.length);
  const more = range && { offset: range.start, bytes: file.subarray(range.start, range.end + 1) };
  return { first: detectKind(first), range, kind: detectKind(first, more) };
}

describe("recognising evidence files by content", () => {
  it.each([
    ["pdf", samplePdf()],
    ["png", samplePng()],
    ["jpeg", sampleJpeg()],
    ["webp", sampleWebp()],
    ["gif", sampleGif()],
    ["docx", sampleDocx()],
    ["xlsx", sampleXlsx()],
    ["doc", sampleCompound(["WordDocument", "1Table"])],
    ["xls", sampleCompound(["Workbook"])],
    ["xls", sampleCompound(["Book"])],
  ] as const)("recognises a %s from its first bytes", (kind, bytes) => {
    expect(detectKind(bytes.subarray(0, SNIFF_BYTES))).toBe(kind);
    expect(furtherRange(bytes.subarray(0, SNIFF_BYTES), bytes.length)).toBeUndefined();
  });

  it("goes by the bytes, not the declared type: a PNG sent as a PDF is a PNG", () => {
    expect(detectKind(samplePng())).toBe("png");
    expect(kindOfContentType("application/pdf")).toBe("pdf");
    expect(detectKind(samplePng())).not.toBe(kindOfContentType("application/pdf"));
  });

  it.each([
    ["a Windows program", sampleExe()],
    ["plain text", text("Báo cáo tổng kết năm 2025\n")],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["an SVG", text('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["a zip that is no Office package", sampleZip([{ name: "setup.exe", data: "MZ" }])],
    ["a zip with a word/ folder but no content types", sampleZip([{ name: "word/document.xml", data: "x" }])],
    ["a compound file of neither Word nor Excel", sampleCompound(["PowerPoint Document"])],
    ["a truncated PDF signature", text("%PD")],
    ["nothing", new Uint8Array()],
  ])("refuses %s", (_, bytes) => {
    expect(recognise(bytes).kind).toBeNull();
  });

  it("reads a zip's central directory when its first entries carry no sizes (streamed writers)", () => {
    const docx = sampleDocx({
      descriptors: true,
      before: [{ name: "docProps/app.xml", data: "x".repeat(SNIFF_BYTES) }],
    });
    const { first, range, kind } = recognise(docx);
    expect(first).toBeNull();
    expect(range).toEqual({ start: 0, end: docx.length - 1 });
    expect(kind).toBe("docx");
    expect(recognise(sampleXlsx({ descriptors: true })).kind).toBe("xlsx");
  });

  it("reads the tail of a large zip whose Word part comes after the first bytes", () => {
    const big = new Uint8Array(200_000).fill(7);
    const docx = sampleDocx({ before: [{ name: "media/scan.png", data: big }] });
    const { first, range, kind } = recognise(docx);
    expect(first).toBeNull();
    expect(range).toEqual({ start: docx.length - 64 * 1024, end: docx.length - 1 });
    expect(kind).toBe("docx");
  });

  it("reads the directory sector of a compound file whose directory lies past the first bytes", () => {
    const xls = sampleCompound(["Workbook"], { directorySector: 40 });
    const { first, range, kind } = recognise(xls);
    expect(first).toBeNull();
    expect(range).toEqual({ start: 41 * 512, end: 42 * 512 - 1 });
    expect(kind).toBe("xls");
  });

  it("recognises a workbook written by exceljs", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Điểm").addRow(["Đơn vị", "Điểm tự chấm"]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(recognise(xlsx).kind).toBe("xlsx");
  });

  it("never throws and asks only for bytes inside the file, whatever the bytes", () => {
    const prefixes = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 600 }),
        fc.nat({ max: 1_000_000 }),
        (prefix, rest, extra) => {
          const bytes = new Uint8Array([...prefix, ...rest]);
          const size = bytes.length + extra;
          const range = furtherRange(bytes, size);
          if (range) {
            expect(range.start).toBeGreaterThanOrEqual(0);
            expect(range.end).toBeLessThan(size);
            expect(range.start).toBeLessThanOrEqual(range.end);
          }
          detectKind(bytes, { offset: range?.start ?? 0, bytes: rest });
        },
      ),
    );
  });
});

describe("an upload request", () => {
  const valid = { fileName: "Báo cáo.pdf", contentType: "application/pdf", size: 1234 };

  it("takes a name, an allowed type and a size up to the maximum", () => {
    expect(EvidenceUploadInput.parse(valid)).toEqual(valid);
    expect(EvidenceUploadInput.parse({ ...valid, size: EVIDENCE_MAX_BYTES }).size).toBe(20 * 1024 * 1024);
    for (const contentType of Object.values(evidenceContentTypes)) {
      expect(EvidenceUploadInput.safeParse({ ...valid, contentType }).success).toBe(true);
    }
  });

  it("normalises the name as users' text is", () => {
    expect(EvidenceUploadInput.parse({ ...valid, fileName: "  Ba\u0300o   ca\u0301o.pdf " }).fileName).toBe(
      "Bào cáo.pdf",
    );
  });

  it.each([
    ["an empty file", { size: 0 }],
    ["a fractional size", { size: 1.5 }],
    ["a program", { contentType: "application/x-msdownload" }],
    ["HTML", { contentType: "text/html" }],
    ["an SVG", { contentType: "image/svg+xml" }],
    ["a name over 255 characters", { fileName: `${"a".repeat(252)}.pdf` }],
    ["a blank name", { fileName: "   " }],
    ["a name with hidden characters", { fileName: "report\u202Efdp.exe" }],
  ])("refuses %s", (_, change) => {
    expect(EvidenceUploadInput.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe("the download's Content-Disposition", () => {
  it("keeps a Vietnamese name exactly (RFC 5987) with an ASCII fallback", () => {
    const value = attachmentDisposition("Báo cáo tổng kết 2025 (Đắk Lắk).pdf");
    expect(value).toBe(
      `attachment; filename="Bao cao tong ket 2025 (Dak Lak).pdf"; filename*=UTF-8''` +
        "B%C3%A1o%20c%C3%A1o%20t%E1%BB%95ng%20k%E1%BA%BFt%202025%20%28%C4%90%E1%BA%AFk%20L%E1%BA%AFk%29.pdf",
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(value)?.[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("Báo cáo tổng kết 2025 (Đắk Lắk).pdf");
  });

  it("leaves no quote, path or control character in the header", () => {
    const value = attachmentDisposition('../"evil"\\name\r\n.pdf');
    expect(value).toMatch(/^attachment; filename="[^"\\/\r\n]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(value).not.toMatch(/[\r\n]/);
  });
});
