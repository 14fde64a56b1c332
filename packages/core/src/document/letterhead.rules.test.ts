import { describe, expect, it } from "vitest";
import { Letterhead, provinceName, SaveLetterheadInput, suggestedLetterhead } from "./letterhead.rules.ts";

describe("a province's letterhead", () => {
  it("suggests one from the province's name, without its 'Tỉnh', that passes the letterhead's rules", () => {
    expect(provinceName("Tỉnh Ninh Thuận")).toBe("Ninh Thuận");
    expect(provinceName("Thành phố Hà Nội")).toBe("Hà Nội");
    expect(provinceName("Ninh Thuận")).toBe("Ninh Thuận");
    const letterhead = suggestedLetterhead("Tỉnh Ninh Thuận");
    expect(letterhead.issuer.parent).toBe("UBND TỈNH NINH THUẬN");
    expect(letterhead.place).toBe("Ninh Thuận");
    expect(Letterhead.safeParse(letterhead).success).toBe(true);
    expect(suggestedLetterhead("Thành phố Huế").issuer.parent).toBe("UBND THÀNH PHỐ HUẾ");
    expect(suggestedLetterhead("An Giang").issuer.parent).toBe("UBND TỈNH AN GIANG");
  });

  it("is saved whole with the version read, and refuses a signing authority without its ND30 prefix", () => {
    const letterhead = suggestedLetterhead("Ninh Thuận");
    expect(SaveLetterheadInput.safeParse({ letterhead, version: 0 }).success).toBe(true);
    expect(SaveLetterheadInput.safeParse({ letterhead }).success).toBe(false);
    const wrong = { ...letterhead, signer: { ...letterhead.signer, authority: "THAY MẶT HỘI ĐỒNG" } };
    const parsed = SaveLetterheadInput.safeParse({ letterhead: wrong, version: 0 });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["letterhead.authority_prefix"]);
  });
});
