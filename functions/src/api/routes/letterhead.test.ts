import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const as = callerOf(await testApp());

const letterhead = {
  issuer: { parent: "UBND TỈNH NINH THUẬN", body: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" },
  place: "Ninh Thuận",
  signer: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn A" },
  numbers: { minutes: "{n}/BB-HĐTĐKT" },
};

describe("the province's letterhead", () => {
  it("is unset at first, with a suggestion from the province's name; the board saves it, then edits it", async () => {
    const t = await freshTenant("lh");
    const first = await as(t.board, "/api/letterhead");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ letterhead: null, version: 0, suggested: { place: expect.any(String) } });

    const saved = await as(t.board, "/api/letterhead", "PUT", { letterhead, version: 0 });
    expect([saved.status, saved.body.version, saved.body.letterhead]).toEqual([200, 1, letterhead]);
    const edited = await as(t.board, "/api/letterhead", "PUT", {
      letterhead: { ...letterhead, place: "Phan Rang - Tháp Chàm" },
      version: 1,
    });
    expect([edited.status, edited.body.version, edited.body.letterhead.place]).toEqual([
      200,
      2,
      "Phan Rang - Tháp Chàm",
    ]);
    // Each save is in the province's audit trail.
    const trail = await as(t.board, "/api/audit?entity=letterhead");
    expect(trail.body.items.map((r: { action: string }) => r.action)).toEqual(["update", "create"]);
  });

  it("answers 409 to a stale save and 400 to a signer without an ND30 authority, changing nothing", async () => {
    const t = await freshTenant("lh");
    await as(t.board, "/api/letterhead", "PUT", { letterhead, version: 0 });
    const stale = await as(t.board, "/api/letterhead", "PUT", { letterhead, version: 0 });
    expect([stale.status, stale.body.error.code]).toEqual([409, "letterhead.stale"]);
    const wrong = { ...letterhead, signer: { ...letterhead.signer, authority: "THAY MẶT" } };
    const invalid = await as(t.board, "/api/letterhead", "PUT", { letterhead: wrong, version: 1 });
    expect([invalid.status, invalid.body.error.fields]).toEqual([
      400,
      [expect.objectContaining({ path: "letterhead.signer.authority", message: "letterhead.authority_prefix" })],
    ]);
    expect((await as(t.board, "/api/letterhead")).body).toMatchObject({ version: 1, letterhead });
  });

  it("is the board's: council members and unit officers may neither read nor set it", async () => {
    const t = await freshTenant("lh");
    for (const actor of [t.actor("council"), t.actor("unit", "u-1")]) {
      expect((await as(actor, "/api/letterhead")).status).toBe(403);
      expect((await as(actor, "/api/letterhead", "PUT", { letterhead, version: 0 })).status).toBe(403);
    }
  });
});
