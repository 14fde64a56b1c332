import { describe, expect, it } from "vitest";
import { AppError } from "../error.ts";
import { cellText, decodeFile, inflatedSize, readSheet } from "./sheet.ts";
import { buildTemplate } from "./template.ts";

describe("reading a sheet", () => {
  it("reads every kind of cell as the text a user sees", () => {
    expect(cellText({ richText: [{ text: "Xã " }, { text: "Tân Hội" }] })).toBe("Xã Tân Hội");
    expect(cellText({ text: "Cụm 1", hyperlink: "https://example.vn" })).toBe("Cụm 1");
    expect(cellText({ formula: 'CONCAT("X","ã")', result: "Xã" })).toBe("Xã");
    expect(cellText({ error: "#N/A" })).toBe("");
    expect(cellText(12)).toBe("12");
    expect(cellText(new Date("2025-03-01T00:00:00Z"))).toBe("2025-03-01");
    expect(cellText(null)).toBe("");
  });

  it("reads the template's example rows with their Excel row numbers", async () => {
    const rows = await readSheet(await buildTemplate(["Cụm thi đua số 1"]));
    expect(rows).toEqual([
      { row: 2, name: "Xã Tân Hội", shortName: "", kind: "Xã, phường, thị trấn", bloc: "Cụm thi đua số 1" },
      { row: 3, name: "Hội Nông dân tỉnh", shortName: "HND", kind: "Mặt trận, đoàn thể", bloc: "" },
    ]);
  });

  it("accepts base64 with a data URL prefix", async () => {
    const file = await buildTemplate();
    expect(decodeFile(`data:application/octet-stream;base64,${file.toString("base64")}`)).toEqual(file);
  });

  it("refuses what is not a workbook, and a zip that would inflate beyond reason, before unpacking it", async () => {
    expect(inflatedSize(Buffer.from("Tên đơn vị;Loại\nXã A;Xã"))).toBeUndefined();
    const file = await buildTemplate();
    expect(inflatedSize(file)).toBeGreaterThan(file.length);
    // Make the first entry of the central directory declare 2 GB once inflated.
    const bomb = Buffer.from(file);
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, directory + 24);
    await expect(readSheet(bomb)).rejects.toMatchObject({ code: "import.unreadable" });
    await expect(readSheet(Buffer.from("PK not really"))).rejects.toBeInstanceOf(AppError);
  });
});
