import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareVietnamese,
  foldVietnamese,
  matchesSearch,
  normalizeText,
  readableIds,
  slugify,
  textField,
  textPattern,
} from "./index.ts";

describe("Vietnamese text", () => {
  it("finds a name typed without diacritics", () => {
    expect(matchesSearch("Ban Tuyên giáo Tỉnh ủy", "ban tuyen giao")).toBe(true);
    expect(matchesSearch("Đoàn Thanh niên", "doan thanh")).toBe(true);
    expect(matchesSearch("Ban Dân vận", "ban tuyen")).toBe(false);
  });

  it("folds đ and tone marks", () => {
    expect(foldVietnamese("  Đắk   Lắk ")).toBe("dak lak");
  });

  it("sorts in Vietnamese alphabetical order", () => {
    const sorted = ["Đà Nẵng", "Bình Dương", "An Giang", "Cà Mau", "Dak Nong"].sort(compareVietnamese);
    expect(sorted).toEqual(["An Giang", "Bình Dương", "Cà Mau", "Dak Nong", "Đà Nẵng"]);
  });

  it("makes slugs from province names", () => {
    expect(slugify("Quảng Trị")).toBe("quang-tri");
    expect(slugify("Thành phố Hồ Chí Minh")).toBe("thanh-pho-ho-chi-minh");
  });

  it("slugs contain only lowercase letters, digits and single inner hyphens", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      }),
    );
  });

  it("offers readable ids from a name, suffixed in order, and a fallback for a name without letters", () => {
    const first = (name: string, count: number) => {
      const ids = readableIds(name, "don-vi");
      return Array.from({ length: count }, () => ids.next().value);
    };
    expect(first("Giấy khen Giám đốc Sở", 3)).toEqual([
      "giay-khen-giam-doc-so",
      "giay-khen-giam-doc-so-2",
      "giay-khen-giam-doc-so-3",
    ]);
    expect(first("???", 1)).toEqual(["don-vi"]);
    // A word that stands in a path beside an id (`/api/units/import`) is never one.
    expect(first("IMPORT", 2)).toEqual(["import-2", "import-3"]);
    fc.assert(
      fc.property(
        fc.string().filter((name) => slugify(name) !== "import"),
        (name) => {
          const [a, b] = first(name, 2);
          expect(a).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          expect(b).toBe(`${a}-2`);
        },
      ),
    );
  });

  it("stores text composed, with single spaces, trimmed; keeps line breaks only where asked", () => {
    const decomposed = "Qua\u0309ng  Tri\u0323\u00a0\t";
    expect(normalizeText(decomposed)).toBe("Quảng Trị");
    expect(normalizeText(decomposed)).toBe("Quảng Trị".normalize("NFC"));
    expect(normalizeText("Dòng một  \r\n\r\n\r\n  dòng hai", true)).toBe("Dòng một\n\ndòng hai");
  });

  it("refuses hidden characters and text with nothing to see, and accepts any Vietnamese name", () => {
    const name = textField({ min: 2, max: 200 });
    const messages = (text: string) => (name.safeParse(text).error?.issues ?? []).map((i) => i.message);
    expect(messages("Sở\u0000 Nội vụ")).toEqual(["text.hidden_characters"]);
    expect(messages("Sở \u202eụv iộN")).toEqual(["text.hidden_characters"]);
    expect(messages("Sở \ud800 Nội vụ")).toEqual(["text.hidden_characters"]);
    expect(messages("\u3164\u3164\u3164")).toEqual(["text.invisible"]);
    // Zero-width characters are dropped: a name cannot be made to look like another.
    expect(name.parse("Hội Nông\u200b dân\u00ad")).toBe("Hội Nông dân");
    expect(foldVietnamese("Hội Nông\u2060 dân")).toBe(foldVietnamese("Hội Nông dân"));
    expect(name.parse("  Ủy ban   Kiểm tra Tỉnh ủy ")).toBe("Ủy ban Kiểm tra Tỉnh ủy");
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ ".split("")) }),
        (text) => {
          const parsed = name.safeParse(`Sở ${text}`);
          expect(parsed.success).toBe(true);
        },
      ),
    );
  });

  it("gives clients a pattern that accepts exactly the text the field accepts, whatever its length", () => {
    // Letters, both compositions of a tone mark, spaces of every kind, controls, direction and format marks.
    const unit = fc.oneof(
      fc.constantFrom(
        ..."aăđỆ1.,-()\u0301 \t\n\r\u00a0\u3000\u0000\u001f\u0085\u200b\u00ad\u2060\ufeff\u200e\u202e\u2066\u3164\u2800\ud800".split(
          "",
        ),
      ),
      fc.string({ unit: "binary", maxLength: 1 }),
    );
    for (const multiline of [false, true])
      for (const min of [0, 1]) {
        const field = textField({ min, max: 10_000, multiline });
        const pattern = new RegExp(textPattern(min), "u");
        fc.assert(
          fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
            expect(pattern.test(text), JSON.stringify(text)).toBe(field.safeParse(text).success);
          }),
          { numRuns: 2_000 },
        );
      }
  });
});
