import { CreateBlocInput } from "@thidua/core/bloc/rules";
import { UpdateUnitInput } from "@thidua/core/unit/rules";
import { describe, expect, it } from "vitest";
import { changedFields, checkBody, errorsByField } from "./editForm.ts";

describe("the edit form's pure side", () => {
  it("sends only what changed since the form was opened, lists compared by value", () => {
    const opened = { name: "Sở Nội vụ", kind: "state_agency", councilEmails: ["a@x.vn"] };
    expect(changedFields(opened, { ...opened })).toEqual({});
    // A space typed after a name changes nothing the API would store.
    expect(changedFields(opened, { ...opened, name: "Sở Nội vụ " })).toEqual({});
    expect(changedFields(opened, { ...opened, name: "Sở Nội vụ tỉnh", councilEmails: ["a@x.vn"] })).toEqual({
      name: "Sở Nội vụ tỉnh",
    });
    expect(changedFields(opened, { ...opened, councilEmails: ["a@x.vn", "b@x.vn"] })).toEqual({
      councilEmails: ["a@x.vn", "b@x.vn"],
    });
  });

  it("files each problem under its top-level field, the first message of a field winning", () => {
    expect(
      errorsByField([
        { path: "councilEmails.2", message: "Invalid email" },
        { path: ["councilEmails", 0], message: "second" },
        { path: ["name"], message: "Too small" },
        { path: "", message: "form-wide" },
      ]),
    ).toEqual({ councilEmails: "Invalid email", name: "Too small", "": "form-wide" });
  });

  it("checks a body with the API's own schema before sending it", () => {
    expect(checkBody(CreateBlocInput, { name: "Khối các sở", kind: "bloc", councilEmails: [] })).toEqual({ ok: true });
    const refused = checkBody(CreateBlocInput, { name: "K", kind: "bloc", councilEmails: ["not-an-email"] });
    expect(refused.ok).toBe(false);
    expect(Object.keys(refused.ok ? {} : refused.errors).sort()).toEqual(["councilEmails", "name"]);
    // The same limits as the server: an edit must carry a version and change something.
    expect(checkBody(UpdateUnitInput, { name: "Sở Tư pháp" } as never).ok).toBe(false);
    expect(checkBody(UpdateUnitInput, { name: "Sở Tư pháp", version: 3 }).ok).toBe(true);
  });
});
