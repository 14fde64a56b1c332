import { defaultLetterhead, provinceName } from "@thidua/core/document/rules";
import { Letterhead } from "@thidua/documents/letterhead";
import { describe, expect, it } from "vitest";

describe("the letterhead derived from the province's name", () => {
  it("reads the province without its 'Tỉnh', and passes the documents' own letterhead rules", () => {
    expect(provinceName("Tỉnh Ninh Thuận")).toBe("Ninh Thuận");
    expect(provinceName("Thành phố Hà Nội")).toBe("Hà Nội");
    expect(provinceName("Ninh Thuận")).toBe("Ninh Thuận");
    const letterhead = defaultLetterhead("Tỉnh Ninh Thuận");
    expect(letterhead.issuer.parent).toBe("UBND TỈNH NINH THUẬN");
    expect(letterhead.place).toBe("Ninh Thuận");
    expect(Letterhead.safeParse(letterhead).success).toBe(true);
  });
});
